"""The webhook endpoint starts an execution with the request as `trigger.body`,
`trigger.headers` and `trigger.parameters`, and answers Kestra's WebhookResponse; a
wrong key, a disabled flow or a disabled trigger get 404 and no execution (Kestra's
ExecutionControllerTest#webhook, #webhookDynamicKey, #webhookWithCondition)."""
import json

import pytest

from executions.models import Execution, LogEntry
from executions.trigger_switch import set_trigger_enabled
from flows.models import Flow
from flows.services import save_flow

from .conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: hooked
namespace: tests.webhook
inputs:
  - id: name
    type: STRING
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.name }} {{ trigger.parameters.page[0] }} {{ trigger.headers['x-origin'][0] }}"
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: "{{ flow.id }}-s3cret"
    inputs:
      name: "{{ trigger.body.name }}"
"""
URL = "/api/v1/main/executions/webhook/tests.webhook/hooked/"


def test_a_webhook_starts_an_execution_with_the_request_as_trigger_variables(client, processes):
    save_flow(FLOW)
    response = client.post(URL + "hooked-s3cret?page=2&page=3", data=json.dumps({"name": "Ada"}),
                           content_type="application/json", HTTP_X_ORIGIN="ci")
    assert response.status_code == 200
    answer = response.json()
    execution = Execution.objects.get(flow_id="hooked")
    assert answer["id"] == execution.id and answer["tenantId"] == "main"
    assert (answer["namespace"], answer["flowId"], answer["flowRevision"]) == ("tests.webhook", "hooked", 1)
    assert answer["state"]["current"] == "CREATED"
    assert answer["trigger"]["id"] == "hook" and answer["trigger"]["type"] == "io.kestra.plugin.core.trigger.Webhook"
    variables = execution.trigger["variables"]
    assert variables["body"] == {"name": "Ada"}
    assert variables["parameters"] == {"page": ["2", "3"]}
    assert variables["headers"]["x-origin"] == ["ci"]
    assert variables["headers"]["content-type"] == ["application/json"]
    assert execution.inputs == {"name": "Ada"}

    cluster = processes.cluster()
    wait_for(cluster, lambda: Execution.objects.get(pk=execution.id).state == "SUCCESS", "the execution ran")
    assert list(LogEntry.objects.filter(execution_id=execution.id).values_list("message", flat=True)) == ["Ada 2 ci"]


def test_a_text_body_stays_text_and_the_path_without_tenant_works(client):
    save_flow(FLOW.replace('"{{ trigger.body.name }}"', '"{{ trigger.body }}"'))
    response = client.put("/api/v1/executions/webhook/tests.webhook/hooked/hooked-s3cret", data="plain words",
                          content_type="text/plain")
    assert response.status_code == 200
    assert Execution.objects.get(pk=response.json()["id"]).trigger["variables"]["body"] == "plain words"


def test_it_rejects_a_wrong_key(client):
    save_flow(FLOW)
    for url in (URL + "wrong", URL + "{{ flow.id }}-s3cret", "/api/v1/main/executions/webhook/tests.webhook/nope/x"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["message"].startswith("Not Found")
    assert not Execution.objects.exists()


def test_a_disabled_trigger_or_flow_gets_404(client):
    save_flow(FLOW)
    set_trigger_enabled("tests.webhook", "hooked", "hook", False)
    assert client.get(URL + "hooked-s3cret").status_code == 404
    set_trigger_enabled("tests.webhook", "hooked", "hook", True)
    Flow.objects.filter(flow_id="hooked").update(disabled=True)
    assert client.get(URL + "hooked-s3cret").status_code == 404
    save_flow(FLOW.replace("key:", "disabled: true\n    key:"))
    Flow.objects.filter(flow_id="hooked").update(disabled=False)
    assert client.get(URL + "hooked-s3cret").status_code == 404
    assert not Execution.objects.exists()
