"""Changing a taskrun's state by hand, as Kestra's markAs: the taskrun and its last
attempt take the state, flowable parents go back to RUNNING, the execution is RESTARTED
with one more attempt and goes on."""
import pytest

from executions import operations
from executions.engine.runner import run_to_end
from executions.models import Execution, TaskRun
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: marked
    namespace: tests.mark
    tasks:
      - id: group
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: boom
            type: io.kestra.plugin.core.execution.Fail
      - id: after
        type: io.kestra.plugin.core.debug.Return
        format: after
    errors:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: alert
"""


def test_it_marks_the_taskrun_and_its_last_attempt():
    run = run_flow(FLOW)
    operations.change_taskrun_state(run.execution.id, run.one("boom").id, "WARNING")
    boom = TaskRun.objects.get(pk=run.one("boom").id)
    assert [h["state"] for h in boom.state_history] == ["CREATED", "RUNNING", "FAILED", "WARNING"]
    assert boom.attempts[-1]["state"]["current"] == "WARNING"
    assert [h["state"] for h in boom.attempts[-1]["state"]["histories"]] == ["RUNNING", "FAILED", "WARNING"]
    group = TaskRun.objects.get(pk=run.one("group").id)
    assert group.state == "RUNNING"
    execution = Execution.objects.get(pk=run.execution.id)
    assert execution.state == "RESTARTED" and execution.metadata["attemptNumber"] == 2
    assert not TaskRun.objects.filter(execution=execution, task_id="alert").exists()

    execution = run_to_end(execution.id)
    assert execution.state == "WARNING"
    assert TaskRun.objects.get(execution=execution, task_id="after").state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="group").state == "WARNING"


def test_it_refuses_a_state_that_is_not_an_outcome():
    run = run_flow(FLOW)
    with pytest.raises(operations.OperationRefused):
        operations.change_taskrun_state(run.execution.id, run.one("boom").id, "RUNNING")
    with pytest.raises(operations.OperationRefused):
        operations.change_taskrun_state(run.execution.id, run.one("boom").id, "NOPE")
