import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_paused_execution_starts_nothing_new_until_resumed():
    flow = save("""
        id: holdable
        namespace: tests.ops
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.5S
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: after
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="nap", state="RUNNING").exists())
    operations.pause(execution.id)
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="nap", state="SUCCESS").exists())
    import time
    time.sleep(0.8)
    assert not TaskRun.objects.filter(execution=execution, task_id="after").exists()
    assert Execution.objects.get(pk=execution.id).state == "PAUSED"
    operations.resume(execution.id)
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
