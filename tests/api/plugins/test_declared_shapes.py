"""Nested declarations (an object's fields, one-of alternatives, bounds) reach the JSON
schema the API serves and the documentation page from the same Property that
validation reads (Kestra's JsonSchemaGenerator and its docs both read the task's
`Property<T>` fields and their validation annotations)."""
import jsonschema
import pytest
import yaml

pytestmark = pytest.mark.django_db

FLOW = """
id: shapes
namespace: company.team
concurrency:
  limit: 2
  behavior: CANCEL
retry:
  type: exponential
  interval: PT1S
  maxInterval: PT10S
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
    retry:
      type: constant
      interval: PT1S
      maxAttempts: 3
"""


def flow_validator(client):
    document = client.get("/api/v1/plugins/schemas/flow").json()
    jsonschema.Draft7Validator.check_schema(document)
    return jsonschema.Draft7Validator(document)


def test_the_flow_schema_takes_each_retry_kind_and_a_concurrency(client):
    check = flow_validator(client)
    assert list(check.iter_errors(yaml.safe_load(FLOW))) == []


@pytest.mark.parametrize("change", [
    lambda flow: flow["concurrency"].update(limit=0),
    lambda flow: flow["concurrency"].update(behavior="SOMETIMES"),
    lambda flow: flow["retry"].pop("maxInterval"),
    lambda flow: flow["retry"].update(type="sometimes"),
    lambda flow: flow["tasks"][0]["retry"].update(delayFactor=2),  # only an exponential retry has one
    lambda flow: flow["tasks"][0]["retry"].update(maxAttempt=0),
])
def test_the_flow_schema_refuses_what_validation_refuses(client, change):
    flow = yaml.safe_load(FLOW)
    change(flow)
    assert not flow_validator(client).is_valid(flow)


def test_a_task_page_shows_the_retry_kinds_and_their_fields(client):
    body = client.get("/api/v1/plugins/io.kestra.plugin.core.log.Log", {"all": "true"}).json()
    retry = body["schema"]["properties"]["properties"]["retry"]
    titles = [option["title"] for option in retry["oneOf"]]
    assert titles == ["constant", "exponential", "random"]
    exponential = retry["oneOf"][1]
    assert set(exponential["required"]) == {"type", "interval", "maxInterval"}
    assert exponential["properties"]["maxAttempt"]["minimum"] == 1


def test_the_documentation_lists_nested_fields_and_bounds():
    from plugins.api.docs import markdown
    from plugins.api.registry import resolve

    page = markdown(resolve("io.kestra.plugin.core.flow.ForEachItem"))
    assert "* `rows` (`integer`)" in page and "Minimum:** `>= 1`" in page
    assert "* **Default:** `true`" in markdown(resolve("io.kestra.plugin.core.flow.Subflow"))
    log_page = markdown(resolve("io.kestra.plugin.core.log.Log"), all_properties=True)
    assert "* `type: exponential`" in log_page and "* `maxInterval` (`duration`, required)" in log_page


def test_each_input_type_has_its_own_schema(client):
    check = flow_validator(client)
    flow = yaml.safe_load(FLOW)
    flow["inputs"] = [{"id": "n", "type": "INT", "min": 1, "max": 9, "defaults": 3},
                      {"id": "pick", "type": "SELECT", "values": ["a", "b"], "isRadio": True},
                      {"name": "old", "type": "BOOL"}]
    assert list(check.iter_errors(flow)) == []
    flow["inputs"][0]["isRadio"] = True  # a SELECT's key, not an INT's
    assert not check.is_valid(flow)
    int_page = client.get("/api/v1/plugins/inputs/INT").json()
    assert {"min", "max", "defaults"} <= set(int_page["schema"]["properties"]["properties"])
