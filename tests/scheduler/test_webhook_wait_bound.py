"""A webhook that waits for its execution is answered 504 once
KESTRAWEB_WEBHOOK_WAIT_TIMEOUT has passed with no end, with the execution as it is
then (it goes on); without `wait` the answer comes at once, CREATED (Kestra's
Webhook: `wait` defaults to false)."""
import pytest

from executions.models import Execution
from flows.services import save_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: slow-answer
namespace: tests.webhookbound
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: k3y
{extra}
"""
URL = "/api/v1/executions/webhook/tests.webhookbound/slow-answer/k3y"


def test_a_wait_past_its_bound_is_answered_504_with_the_execution(client, settings):
    settings.WEBHOOK_WAIT_TIMEOUT = 0  # no cluster runs here: the execution cannot end
    save_flow(FLOW.format(extra="    wait: true"))
    response = client.get(URL)
    assert response.status_code == 504
    answer = response.json()
    assert "KESTRAWEB_WEBHOOK_WAIT_TIMEOUT" in answer["message"]
    assert answer["id"] == Execution.objects.get().id and answer["state"]["current"] == "CREATED"


def test_without_wait_the_answer_is_the_created_execution(client):
    save_flow(FLOW.format(extra=""))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json()["state"]["current"] == "CREATED"
    assert response.json()["outputs"] is None
