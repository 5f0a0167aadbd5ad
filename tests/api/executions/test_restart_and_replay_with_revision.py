"""`revision` on restart and replay (Kestra's ExecutionService#restart and #replay with a
revision): the execution goes on, or the replay runs, with that revision of its flow,
what to keep being decided on the revision it ran. A revision the flow does not have
is a 422 naming `revision`, and the execution is left as it was."""
import pytest

from executions.engine.runner import run_to_end
from executions.models import Execution
from tests.flow_runs import run_flow, save

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FAILING = """
id: fixable
namespace: tests.api
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: one
  - id: gate
    type: io.kestra.plugin.core.execution.Fail
"""
FIXED = """
id: fixable
namespace: tests.api
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: one
  - id: gate
    type: io.kestra.plugin.core.debug.Return
    format: fixed
"""


def url(execution_id: str, action: str) -> str:
    return f"/api/v1/main/executions/{execution_id}/actions/{action}"


def test_restart_with_a_later_revision_runs_it(kestra_client):
    run = run_flow(FAILING)
    assert run.state == "FAILED" and run.execution.flow_revision == 1
    assert save(FIXED).revision == 2
    restarted = kestra_client.executions.restart_execution(run.execution.id, "main", revision=2)
    assert restarted.flow_revision == 2
    ended = run_to_end(run.execution.id)
    assert ended.state == "SUCCESS" and ended.flow_revision == 2


def test_replay_with_a_revision(client):
    run = run_flow(FAILING)
    save(FIXED)
    copy = client.post(url(run.execution.id, "replay") + "?revision=2").json()
    assert copy["flowRevision"] == 2
    assert run_to_end(copy["id"]).state == "SUCCESS"
    from_taskrun = client.post(url(run.execution.id, "replay") + f"?revision=2&taskRunId={run.one('gate').id}").json()
    assert from_taskrun["flowRevision"] == 2
    assert run_to_end(from_taskrun["id"]).state == "SUCCESS"
    again = client.post(url(run.execution.id, "replay")).json()
    assert again["flowRevision"] == 1  # without it, the revision the original ran


@pytest.mark.parametrize("action", ["restart", "replay", "replay-with-inputs"])
def test_an_unknown_revision_is_refused(client, action):
    run = run_flow(FAILING)
    before = Execution.objects.count()
    body = assert_problem(client.post(url(run.execution.id, action) + "?revision=9", {}, format="multipart"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["revision"]
    assert Execution.objects.count() == before
    assert Execution.objects.get(pk=run.execution.id).state == "FAILED"


def test_replay_with_breakpoints_on_an_unknown_task_is_refused(client):
    run = run_flow(FAILING)
    before = Execution.objects.count()
    body = assert_problem(client.post(url(run.execution.id, "replay") + "?breakpoints=nope"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["breakpoints"] and "'nope'" in body["detail"]
    assert Execution.objects.count() == before
