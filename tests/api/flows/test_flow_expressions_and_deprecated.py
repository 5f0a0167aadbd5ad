"""POST /flows/expressions?taskId (Kestra 2.0: the expressions a task may use, by
category) and GET /flows/deprecated?namespace (FlowController, FlowWithDeprecatedTasks)."""
import pytest

from executions.models import KVEntry
from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

FLOW = """id: exprs
namespace: company.team
labels:
  env: prod
inputs:
  - id: name
    type: STRING
variables:
  greeting: hi
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: "{{ inputs.name }}"
  - id: second
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.first.value }}"
"""

OLD = """id: old
namespace: company.legacy
tasks:
  - id: ret
    type: io.kestra.core.tasks.debugs.Return
    format: x
  - id: fine
    type: io.kestra.plugin.core.log.Log
    message: ok
"""


def post_yaml(api, url, text):
    return api.post(url, text, content_type="application/x-yaml")


def test_expressions_before_a_task(client):
    KVEntry.objects.create(namespace="company.team", key="token", value="x")
    body = post_yaml(client, "/api/v1/main/flows/expressions?taskId=second", FLOW).json()
    assert body["taskOutputs"] == ["outputs.first", "outputs.first.value"]
    assert body["inputs"] == ["inputs.name"] and body["variables"] == ["vars.greeting"]
    assert "execution.id" in body["executionContext"] and "labels.env" in body["executionContext"]
    assert body["kvPairs"] == ["kv('token')"]
    assert "upper" in body["filters"] and "now" in body["functions"]
    first = post_yaml(client, "/api/v1/main/flows/expressions?taskId=first", FLOW).json()
    assert first["taskOutputs"] == []


def test_expressions_bad_task_or_flow_are_422(client):
    assert "taskId" in str(assert_problem(post_yaml(client, "/api/v1/main/flows/expressions?taskId=nope", FLOW), 422))
    assert_problem(post_yaml(client, "/api/v1/main/flows/expressions", "id: x\nnamespace: y\n"), 422)


def test_expressions_show_no_kv_keys_of_an_unreadable_namespace(alice):
    KVEntry.objects.create(namespace="company.team", key="token", value="x")
    assert post_yaml(alice, "/api/v1/main/flows/expressions", FLOW).json()["kvPairs"] == []


def test_expressions_through_kestrapy(kestra_client):
    body = kestra_client.flows.expressions("main", FLOW, task_id="second")
    assert body["taskOutputs"] == ["outputs.first", "outputs.first.value"]


def test_deprecated_lists_flows_using_old_type_names(client):
    save_flow(OLD)
    save_flow(flow_yaml("modern", "company.legacy"))
    body = client.get("/api/v1/main/flows/deprecated").json()
    assert body == [{"namespace": "company.legacy", "flowId": "old", "revision": 1, "deprecatedTasks": [
        {"taskId": "ret", "taskType": "io.kestra.core.tasks.debugs.Return",
         "replacement": "io.kestra.plugin.core.debug.Return"}]}]
    assert client.get("/api/v1/main/flows/deprecated", {"namespace": "company"}).json() == body
    assert client.get("/api/v1/main/flows/deprecated", {"namespace": "company.team"}).json() == []


def test_deprecated_hides_unreadable_flows(alice, plain_user, kestra_client):
    save_flow(OLD)
    assert alice.get("/api/v1/main/flows/deprecated").json() == []
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert [f["flowId"] for f in alice.get("/api/v1/main/flows/deprecated").json()] == ["old"]
    assert [f["flowId"] for f in kestra_client.flows.list_deprecated("main", namespace="company.legacy")] == ["old"]
