"""GET /api/v1/plugins/schemas/{type} and /plugins/properties/{type} (Kestra's
PluginController#getSchemasFromType: a draft-07 JSON schema; `flow` is the whole flow,
which Kestra's editor validates and completes with; `arrayOf` a list of them)."""
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[3] / "flows" / "examples" / "hello_world.yaml"
FLOW = """
id: nightly
namespace: company.team
inputs:
  - id: day
    type: INT
    defaults: 1
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: [1, 2]
    tasks:
      - id: log
        type: io.kestra.core.tasks.log.Log
        message: "{{ taskrun.value }}"
  - id: wait
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT1S
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
    conditions:
      - type: io.kestra.plugin.core.condition.Weekend
"""


def validator(client, schema_type="flow", **params):
    document = client.get(f"/api/v1/plugins/schemas/{schema_type}", params).json()
    jsonschema.Draft7Validator.check_schema(document)
    return jsonschema.Draft7Validator(document)


def test_a_valid_flow_passes_the_flow_schema(client):
    check = validator(client)
    assert list(check.iter_errors(yaml.safe_load(FLOW))) == []
    assert list(check.iter_errors(yaml.safe_load(EXAMPLE.read_text()))) == []


def test_the_flow_schema_refuses_what_the_flow_spec_refuses(client):
    check = validator(client)
    assert not check.is_valid({**yaml.safe_load(FLOW), "unknownKey": 1})
    assert not check.is_valid({"id": "x", "namespace": "y", "tasks": []})
    bad_task = yaml.safe_load(FLOW)
    bad_task["tasks"][1]["duration"] = {"not": "a duration"}
    assert not check.is_valid(bad_task)
    missing = yaml.safe_load(FLOW)
    del missing["triggers"][0]["cron"]
    assert not check.is_valid(missing)


def test_a_dynamic_property_takes_an_expression(client):
    check = validator(client, "task")
    assert check.is_valid({"id": "w", "type": "io.kestra.plugin.core.flow.Sleep", "duration": "{{ inputs.d }}"})
    assert check.is_valid({"id": "l", "type": "io.kestra.plugin.core.log.Log", "message": "hi"})
    assert not check.is_valid({"id": "l", "type": "io.kestra.plugin.core.log.Log"})


def test_array_of_gives_a_list(client):
    check = validator(client, "trigger", arrayOf="true")
    assert check.is_valid([{"id": "h", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "0 * * * *"}])
    assert not check.is_valid({"id": "h", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "0 * * * *"})


def test_properties_of_a_type(client):
    body = client.get("/api/v1/plugins/properties/flow").json()
    assert {"id", "namespace", "tasks"} <= set(body["required"]) and "pluginDefaults" in body["properties"]
    assert "retry" in client.get("/api/v1/plugins/properties/task").json()["properties"]


def test_an_unknown_schema_type_is_404(client):
    assert_problem(client.get("/api/v1/plugins/schemas/nothing"), 404)
    assert_problem(client.get("/api/v1/plugins/properties/nothing"), 404)
