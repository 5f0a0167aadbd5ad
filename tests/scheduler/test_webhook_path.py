"""The `{key}/{path}` form of the webhook route is served (GET, POST, PUT, with and
without `main/`, a path holding %2F), and Kestra's core Webhook trigger refuses it:
404 and no execution (Webhook#evaluate: "Reject path since not expected")."""
import pytest

from executions.models import Execution
from flows.services import save_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: pathless
namespace: tests.webhookpath
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: k3y
"""


def test_a_path_after_the_key_gets_404_and_no_execution(client):
    save_flow(FLOW)
    for prefix in ("/api/v1/main/executions/webhook", "/api/v1/executions/webhook"):
        for method in (client.get, client.post, client.put):
            response = method(f"{prefix}/tests.webhookpath/pathless/k3y/some%2Fdeep/path")
            assert response.status_code == 404, (prefix, method)
            assert "takes no path" in response.json()["message"]
    assert not Execution.objects.exists()


def test_the_path_form_with_a_wrong_key_is_still_a_wrong_key(client):
    save_flow(FLOW)
    response = client.post("/api/v1/main/executions/webhook/tests.webhookpath/pathless/wrong/x")
    assert response.status_code == 404
    assert "no enabled webhook with key 'wrong'" in response.json()["message"]
    assert client.post("/api/v1/main/executions/webhook/tests.webhookpath/pathless/k3y").status_code == 200
