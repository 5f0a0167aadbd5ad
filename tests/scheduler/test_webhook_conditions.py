"""A Webhook trigger's conditions are tested against the request: when they do not
hold (or cannot be evaluated) the answer is 204 and no execution is created (Kestra's
ExecutionController#webhook, ExecutionControllerTest#webhookWithCondition; Webhook
docs: "204 (conditions not met)")."""
import json

import pytest

from executions.models import Execution
from flows.services import save_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: conditional
namespace: tests.webhookconditions
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: k3y
    conditions:
      - type: io.kestra.plugin.core.condition.Expression
        expression: "{{ trigger.body.hello == 'world' }}"
"""
URL = "/api/v1/main/executions/webhook/tests.webhookconditions/conditional/k3y"


def post(client, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json")


def test_conditions_not_met_answer_204_and_create_nothing(client):
    save_flow(FLOW)
    assert post(client, {"hello": "moon"}).status_code == 204
    assert client.get(URL).status_code == 204  # no body: trigger.body.hello cannot be read
    assert not Execution.objects.exists()


def test_conditions_met_start_the_execution(client):
    save_flow(FLOW)
    response = post(client, {"hello": "world"})
    assert response.status_code == 200
    assert Execution.objects.get().id == response.json()["id"]
