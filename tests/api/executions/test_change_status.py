"""POST /executions/{id}/actions/change-status?status= (Kestra's updateExecutionStatus)
and /executions/change-status/by-ids?newStatus=: an ended execution's state set by
hand; a running one is a 409, an unknown state a 422."""
import pytest

from executions.models import Execution

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db


def test_it_changes_an_ended_executions_status(client):
    execution("e1", state="FAILED")
    execution("e2", state="RUNNING")
    body = client.post("/api/v1/main/executions/e1/actions/change-status?status=SUCCESS").json()
    assert body["state"]["current"] == "SUCCESS" and body["state"]["histories"][-1]["state"] == "SUCCESS"
    assert_problem(client.post("/api/v1/main/executions/e1/change-status?status=SUCCESS"), 409)
    assert_problem(client.post("/api/v1/main/executions/e2/actions/change-status?status=SUCCESS"), 409)
    assert_problem(client.post("/api/v1/main/executions/e1/actions/change-status?status=NAPPING"), 422)
    assert_problem(client.post("/api/v1/main/executions/e1/actions/change-status"), 422)
    response = client.post("/api/v1/main/executions/change-status/by-ids?newStatus=WARNING", ["e1", "e2"],
                           format="json")
    assert response.json() == {"count": 1}
    assert Execution.objects.get(pk="e1").state == "WARNING"
