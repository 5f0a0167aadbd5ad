"""The task outputs at the paths of older Kestra 2.0 snapshots, `/outputs/{executionId}`
and `/outputs/{executionId}/{taskRunId}` (contract §3.3), answer as `/outputs/tasks/...`
with the same access checks."""
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
    return ran


def test_legacy_paths_answer_the_task_outputs(client, ran):
    assert client.get("/api/v1/main/outputs/e1").json() == client.get("/api/v1/main/outputs/tasks/e1").json()
    assert client.get("/api/v1/main/outputs/e1/t1").json() == {"value": 3}
    assert client.get("/api/v1/main/outputs/executions/e1").json() == {"total": 3}  # literal routes still win


def test_legacy_paths_check_access(client, alice, plain_user, ran):
    assert_problem(client.get("/api/v1/main/outputs/nope"), 404)
    assert_problem(client.get("/api/v1/main/outputs/e1/nope"), 404)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.b")
    assert_problem(alice.get("/api/v1/main/outputs/e1"), 403)
    assert_problem(alice.get("/api/v1/main/outputs/e1/t1"), 403)
