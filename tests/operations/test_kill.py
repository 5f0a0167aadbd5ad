import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def test_kill_stops_running_tasks_and_subflows():
    save("""
        id: sleeper
        namespace: tests.ops
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT30S
    """)
    flow = save("""
        id: killable
        namespace: tests.ops
        tasks:
          - id: both
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: long
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT30S
              - id: sub
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.ops
                flowId: sleeper
          - id: never
            type: io.kestra.plugin.core.debug.Return
            format: never
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists()
             and TaskRun.objects.filter(execution=execution, task_id="long", state="RUNNING").exists())
    operations.kill(execution.id)
    thread.join(30)
    killed = result["execution"]
    assert killed.state == "KILLED"
    assert [h["state"] for h in killed.state_history][-2:] == ["KILLING", "KILLED"]
    assert TaskRun.objects.get(execution=execution, task_id="long").state == "KILLED"
    child = Execution.objects.get(parent_id=execution.id)
    assert child.state == "KILLED"
    assert not TaskRun.objects.filter(execution=execution, task_id="never").exists()


def test_an_ended_execution_cannot_be_killed():
    flow = save("""
        id: quick
        namespace: tests.ops
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: x
    """)
    from executions.engine.runner import run_to_end

    execution = run_to_end(create_execution(flow).id)
    with pytest.raises(operations.OperationRefused):
        operations.kill(execution.id)
