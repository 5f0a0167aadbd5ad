"""Between two iterations a LoopUntil waits PAUSED for `checkFrequency.interval`, and so
does its execution: Kestra's ExecutorService (the WaitFor case of
handleChildWorkerTaskResult) calls ExecutionService.pauseFlowable, which marks the
taskrun and the execution PAUSED, then retryWaitFor puts the execution back RUNNING and
restarts the taskrun with only its first history entry (WaitForCaseTest)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

LOOP = """
    id: loop-paused
    namespace: tests.flowables
    tasks:
      - id: loop
        type: io.kestra.plugin.core.flow.LoopUntil
        condition: "{{ outputs.count.value == '3' }}"
        checkFrequency:
          interval: PT0.01S
        tasks:
          - id: count
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.loop.iterationCount }}"
"""


def _states(history):
    return [h["state"] for h in history]


def test_the_execution_is_paused_between_iterations():
    run = run_flow(LOOP)
    assert run.state == "SUCCESS", run.logs()
    assert _states(run.execution.state_history) == [
        "CREATED", "RUNNING", "PAUSED", "RUNNING", "PAUSED", "RUNNING", "SUCCESS"]


def test_the_loop_taskrun_history_restarts_at_each_iteration():
    run = run_flow(LOOP)
    assert _states(run.one("loop").state_history) == ["CREATED", "RUNNING", "SUCCESS"]


def test_a_loop_that_ends_at_once_never_pauses():
    run = run_flow(LOOP.replace("== '3'", "== '1'"))
    assert run.state == "SUCCESS"
    assert "PAUSED" not in _states(run.execution.state_history)
