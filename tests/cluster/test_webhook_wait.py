"""A Webhook trigger with `wait: true` answers once its execution ended on the cluster
(another process): its WebhookResponse, or with `returnOutputs: true` the flow's
outputs (as text with `responseContentType: text/plain`); the status is
`responseCode` when set, else 500 for a FAILED execution and 200 otherwise (Kestra's
Webhook#evaluate: `wait`, `returnOutputs`, `responseContentType`, `responseCode`)."""
import json

import pytest

from executions.models import Execution
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: answering
namespace: tests.webhookwait
inputs:
  - id: name
    type: STRING
tasks:
  - id: greet
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{{{ inputs.name }}}}"
  - id: maybe-fail
    type: io.kestra.plugin.core.execution.Fail
    runIf: "{{{{ inputs.name == 'nobody' }}}}"
outputs:
  - id: greeting
    type: STRING
    value: "{{{{ outputs.greet.value }}}}"
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: k3y
    wait: true
    inputs:
      name: "{{{{ trigger.body.name }}}}"
{extra}
"""
URL = "/api/v1/main/executions/webhook/tests.webhookwait/answering/k3y"


@pytest.fixture
def cluster(tmp_path, orm_broker):
    with running_cluster(tmp_path, orm_broker) as proc:
        yield proc


def call(client, name: str):
    return client.post(URL, data=json.dumps({"name": name}), content_type="application/json")


def test_it_answers_the_ended_execution(client, cluster):
    save_flow(FLOW.format(extra=""))
    response = call(client, "Ada")
    assert response.status_code == 200
    answer = response.json()
    execution = Execution.objects.get(pk=answer["id"])
    assert execution.state == "SUCCESS" and answer["state"]["current"] == "SUCCESS"
    assert answer["outputs"] == {"greeting": "hello Ada"}
    assert answer["url"] == f"/ui/main/executions/tests.webhookwait/answering/{execution.id}"
    assert answer["trigger"]["variables"]["body"] == {"name": "Ada"}


def test_a_failed_execution_is_answered_500(client, cluster):
    save_flow(FLOW.format(extra=""))
    response = call(client, "nobody")
    assert response.status_code == 500
    assert response.json()["state"]["current"] == "FAILED"
    assert Execution.objects.get(pk=response.json()["id"]).state == "FAILED"


def test_return_outputs_answers_the_flow_outputs(client, cluster):
    save_flow(FLOW.format(extra="    returnOutputs: true"))
    response = call(client, "Ada")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"greeting": "hello Ada"}


def test_text_plain_outputs_and_a_response_code(client, cluster):
    save_flow(FLOW.format(extra="    returnOutputs: true\n    responseContentType: text/plain\n"
                                "    responseCode: \"{{ execution.state == 'SUCCESS' ? 201 : 409 }}\""))
    response = call(client, "Ada")
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/plain")
    assert json.loads(response.content) == {"greeting": "hello Ada"}
    assert call(client, "nobody").status_code == 409
