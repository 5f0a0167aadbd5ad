"""GET /api/v1/plugins/inputs, /inputs/{type}, /triggers, /icons, /icons/groups
(Kestra's PluginController: input types with their class, an input type's schema, the
trigger catalog by category, icons keyed by type)."""
import pytest

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_lists_input_types(client):
    types = {item["type"]: item["cls"] for item in client.get("/api/v1/plugins/inputs").json()}
    assert types["STRING"] == "io.kestra.core.models.flows.input.StringInput"
    assert {"INT", "FILE", "MULTISELECT"} <= set(types)


def test_it_gives_an_input_types_schema(client):
    body = client.get("/api/v1/plugins/inputs/INT").json()
    assert body["schema"]["properties"]["properties"]["type"]["enum"] == ["INT"]
    assert "min" in body["schema"]["properties"]["properties"]
    assert_problem(client.get("/api/v1/plugins/inputs/NOPE"), 404)


def test_it_lists_triggers_by_category(client):
    body = client.get("/api/v1/plugins/triggers").json()
    found = {item["type"]: item["group"] for item in body["results"]}
    assert body["total"] == len(body["results"])
    assert found["io.kestra.plugin.core.trigger.Schedule"] == "core"
    assert found["io.kestra.plugin.mqtt.RealtimeTrigger"] == "realtime"
    assert found["io.kestra.plugin.jdbc.postgresql.Trigger"] == "app"
    groups = [item["group"] for item in body["results"]]
    assert groups == sorted(groups, key=["core", "realtime", "app"].index)


def test_icons_are_keyed_by_type_and_alias(client):
    icons = client.get("/api/v1/plugins/icons").json()
    assert icons["io.kestra.plugin.core.flow.ForEach"]["flowable"] is True
    assert icons["io.kestra.plugin.core.log.Log"]["name"] == "Log"
    assert icons["io.kestra.plugin.core.log.Log"]["flowable"] is False
    assert "io.kestra.core.tasks.log.Log" in icons
    assert "io.kestra.plugin.core" in client.get("/api/v1/plugins/icons/groups").json()
