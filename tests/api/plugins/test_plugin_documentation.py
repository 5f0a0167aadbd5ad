"""GET /api/v1/plugins/{cls} (Kestra's PluginController#getPluginDocumentation:
{markdown, schema: {properties, outputs, definitions}}, from the type's declared
properties; a legacy name finds its type; an unknown one is a 404)."""
import pytest

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_documents_a_task_from_its_declared_properties(client):
    body = client.get("/api/v1/plugins/io.kestra.plugin.core.log.Log").json()
    properties = body["schema"]["properties"]
    assert "message" in properties["properties"] and "message" in properties["required"]
    assert properties["properties"]["type"]["enum"][0] == "io.kestra.plugin.core.log.Log"
    assert "io.kestra.core.tasks.log.Log" in properties["properties"]["type"]["enum"]
    assert "INFO" in properties["properties"]["level"]["enum"]
    assert "### `message`" in body["markdown"]
    assert "### `retry`" not in body["markdown"]


def test_all_adds_the_common_properties_to_the_page(client):
    body = client.get("/api/v1/plugins/io.kestra.plugin.core.log.Log", {"all": "true"}).json()
    assert "### `retry`" in body["markdown"]


def test_it_documents_outputs(client):
    body = client.get("/api/v1/plugins/io.kestra.plugin.core.debug.Return").json()
    assert body["schema"]["outputs"]["properties"]["value"]["type"] == "string"


def test_a_legacy_name_finds_its_type(client):
    body = client.get("/api/v1/plugins/io.kestra.core.tasks.flows.Switch").json()
    assert body["schema"]["properties"]["properties"]["type"]["enum"][0] == "io.kestra.plugin.core.flow.Switch"


def test_an_unknown_or_internal_type_is_404(client):
    assert_problem(client.get("/api/v1/plugins/io.kestra.plugin.core.Nope"), 404)
    assert_problem(client.get("/api/v1/plugins/io.kestra.plugin.core.flow.ForEachItem$ForEachItemSplit"), 404)
    assert_problem(client.get("/api/v1/plugins/io.kestra.plugin.core.log.Log", {"all": "maybe"}), 422)
