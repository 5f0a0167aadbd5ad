"""The editor's completion: task, trigger and condition types with their declared properties."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def types(admin_client):
    response = admin_client.get("/ui/flows/completion.json")
    assert response.status_code == 200
    return {entry["type"]: entry for entry in response.json()["types"]}


def test_a_task_comes_with_its_declared_properties(types):
    log = types["io.kestra.plugin.core.log.Log"]
    assert log["kind"] == "task"
    properties = {p["name"]: p for p in log["properties"]}
    assert properties["message"]["required"] is True and properties["message"]["description"]
    assert {"id", "type", "level"} <= set(properties)


def test_triggers_and_conditions_are_there_too(types):
    assert types["io.kestra.plugin.core.trigger.Schedule"]["kind"] == "trigger"
    assert "cron" in {p["name"] for p in types["io.kestra.plugin.core.trigger.Schedule"]["properties"]}
    assert any(entry["kind"] == "condition" for entry in types.values())


def test_an_old_name_completes_as_its_current_type(types):
    old = types["io.kestra.core.tasks.log.Log"]
    assert old["properties"] == types["io.kestra.plugin.core.log.Log"]["properties"]
    assert "io.kestra.plugin.core.log.Log" in old["title"]
