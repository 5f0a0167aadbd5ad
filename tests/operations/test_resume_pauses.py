"""Resume as Kestra does it: the first waiting Pause task goes on (with its onResume
inputs); the execution stays PAUSED while others wait, then goes RESTARTED."""
import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def _paused(execution, count):
    return lambda: (Execution.objects.get(pk=execution.id).state == "PAUSED"
                    and TaskRun.objects.filter(execution=execution, state="PAUSED").count() == count)


def test_parallel_pauses_are_resumed_one_at_a_time():
    flow = save("""
        id: two-approvals
        namespace: tests.resume
        tasks:
          - id: approvals
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: legal
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: ok
                    type: BOOLEAN
              - id: finance
                type: io.kestra.plugin.core.flow.Pause
          - id: done
            type: io.kestra.plugin.core.log.Log
            message: "legal said {{ outputs.legal.onResume.ok }}"
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(_paused(execution, 2))
    operations.resume(execution.id, {"ok": "true"})
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="legal", state="SUCCESS").exists())
    assert TaskRun.objects.get(execution=execution, task_id="legal").outputs == {"onResume": {"ok": True}}
    wait_for(_paused(execution, 1))
    assert not TaskRun.objects.filter(execution=execution, task_id="done").exists()
    operations.resume(execution.id)
    thread.join(30)
    finished = result["execution"]
    assert finished.state == "SUCCESS"
    assert [h["state"] for h in finished.state_history][-3:] == ["RESTARTED", "RUNNING", "SUCCESS"]
    assert finished.metadata["attemptNumber"] == 2


def test_a_bad_on_resume_input_changes_nothing():
    flow = save("""
        id: approval
        namespace: tests.resume
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: count
                type: INT
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(_paused(execution, 1))
    from flows.spec import InputInvalid

    with pytest.raises(InputInvalid):
        operations.resume(execution.id, {"count": "many"})
    assert TaskRun.objects.get(execution=execution, task_id="wait").state == "PAUSED"
    operations.kill(execution.id)
    thread.join(30)
    assert result["execution"].state == "KILLED"
    assert TaskRun.objects.get(execution=execution, task_id="wait").state == "KILLED"
