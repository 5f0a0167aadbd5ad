"""GET /outputs/executions/{id}, /outputs/tasks/{id}, /outputs/tasks/{id}/{taskRunId}
(Kestra 2.0's OutputsController) and /executions/{id}/follow: 404 for an unknown
execution or taskrun, 403 outside the user's namespaces, outputs as stored."""
import pytest

from executions.models import TaskRun
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db


@pytest.fixture
def ran():
    ran = execution("e1", namespace="team.a", outputs={"total": 3})
    TaskRun.objects.create(id="t1", execution=ran, seq=0, task_id="count", outputs={"value": 3})
    TaskRun.objects.create(id="t2", execution=ran, seq=1, task_id="log")
    return ran


def test_it_answers_the_outputs(client, ran):
    assert client.get("/api/v1/main/outputs/executions/e1").json() == {"total": 3}
    assert client.get("/api/v1/main/outputs/tasks/e1").json() == [
        {"taskId": "count", "taskRunId": "t1", "value": None, "iteration": None, "inline": True}]
    assert client.get("/api/v1/main/outputs/tasks/e1/t1").json() == {"value": 3}
    assert client.get("/api/v1/main/outputs/tasks/e1/t2").json() == {}


def test_it_answers_404_and_403(client, alice, plain_user, ran):
    for path in ("outputs/executions/nope", "outputs/tasks/nope", "outputs/tasks/e1/nope", "outputs/tasks/nope/t1",
                 "executions/nope/follow"):
        assert_problem(client.get(f"/api/v1/main/{path}"), 404)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.b")
    for path in ("outputs/executions/e1", "outputs/tasks/e1", "outputs/tasks/e1/t1", "executions/e1/follow"):
        assert_problem(alice.get(f"/api/v1/main/{path}"), 403)
