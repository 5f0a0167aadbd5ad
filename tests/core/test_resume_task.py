"""Resume as Kestra's io.kestra.plugin.core.execution.Resume: a task of one execution
resumes a paused execution of another flow, its `inputs` becoming the Pause's onResume
outputs; an execution that is not paused, or not of the flow named, fails the task."""
import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_approval():
    flow = save("""
        id: approval
        namespace: tests.resume
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: ok
                type: BOOLEAN
          - id: done
            type: io.kestra.plugin.core.log.Log
            message: "approved {{ outputs.wait.onResume.ok }}"
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="wait", state="PAUSED").exists())
    return execution, thread, result


def test_it_resumes_an_execution_of_another_flow_with_inputs():
    paused, thread, result = _waiting_approval()
    run = run_flow(f"""
        id: approver
        namespace: tests.resume
        tasks:
          - id: resume
            type: io.kestra.plugin.core.execution.Resume
            namespace: tests.resume
            flowId: approval
            executionId: {paused.id}
            inputs:
              ok: true
    """)
    assert run.state == "SUCCESS", run.logs()
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
    assert TaskRun.objects.get(execution=paused, task_id="wait").outputs == {"onResume": {"ok": True}}


def test_an_execution_that_is_not_paused_or_not_of_the_flow_fails_the_task():
    paused, thread, result = _waiting_approval()
    run = run_flow(f"""
        id: wrong_flow
        namespace: tests.resume
        tasks:
          - id: resume
            type: io.kestra.plugin.core.execution.Resume
            executionId: {paused.id}
    """)
    assert run.state == "FAILED"
    assert f"No execution found for execution id {paused.id} of flow tests.resume.wrong_flow" in run.logs()
    assert Execution.objects.get(pk=paused.id).state == "PAUSED"
    itself = run_flow("""
        id: itself
        namespace: tests.resume
        tasks:
          - id: resume
            type: io.kestra.plugin.core.execution.Resume
    """)
    assert itself.state == "FAILED"
    assert any("only a paused execution can be resumed (it is RUNNING)" in line for line in itself.logs()), \
        itself.logs()
    operations.kill(paused.id)
    thread.join(30)
