"""POST /executions/{id}/actions/unqueue?state= and /actions/force-run (Kestra's
ExecutionController#unqueue, #forceRun), and their by-ids forms: a QUEUED execution
leaves its flow's queue (to RUNNING by default, or ended), a CREATED or QUEUED one is
forced to run; any other state is a 409."""
import pytest

from executions.models import Execution

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db


def test_unqueue_and_force_run(client):
    execution("q1", state="QUEUED")
    execution("q2", state="QUEUED")
    execution("c1", state="CREATED")
    execution("done", state="SUCCESS")
    assert client.post("/api/v1/main/executions/q1/actions/unqueue").json()["state"]["current"] == "RUNNING"
    body = client.post("/api/v1/main/executions/q2/unqueue?state=CANCELLED").json()
    assert body["state"]["current"] == "CANCELLED"
    assert_problem(client.post("/api/v1/main/executions/done/actions/unqueue"), 409)
    assert_problem(client.post("/api/v1/main/executions/done/actions/unqueue?state=SLEEPING"), 422)
    assert client.post("/api/v1/main/executions/c1/actions/force-run").json()["state"]["current"] == "RUNNING"
    assert_problem(client.post("/api/v1/main/executions/done/actions/force-run"), 409)
    execution("q3", state="QUEUED")
    response = client.post("/api/v1/main/executions/unqueue/by-ids?state=FAILED", ["q3", "done"], format="json")
    assert response.json() == {"count": 1} and Execution.objects.get(pk="q3").state == "FAILED"
    execution("c2", state="CREATED")
    assert client.post("/api/v1/main/executions/force-run/by-ids", ["c2"], format="json").json() == {"count": 1}
