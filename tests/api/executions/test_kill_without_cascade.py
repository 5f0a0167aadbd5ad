"""`DELETE /executions/{id}/actions/kill?isOnKillCascade=false` (Kestra's
ExecutionController#killExecution): only this execution is killed; the subflow
executions it started run on to their own end. With the default (true) they are
killed with it (tests/operations/test_kill.py)."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def test_kill_without_cascade_leaves_the_subflow_running(kestra_client):
    save("""
        id: child
        namespace: tests.api
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT8S
          - id: done
            type: io.kestra.plugin.core.debug.Return
            format: done
    """)
    parent = create_execution(save("""
        id: parent
        namespace: tests.api
        tasks:
          - id: sub
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.api
            flowId: child
    """))
    thread, result = run_in_background(parent.id)
    wait_for(lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists())
    killed = kestra_client.executions.kill_execution(parent.id, "main", is_on_kill_cascade=False)
    assert killed.state.current.value in ("KILLING", "KILLED")
    thread.join(30)
    assert Execution.objects.get(pk=parent.id).state == "KILLED"
    child = Execution.objects.get(parent_id=parent.id)
    wait_for(lambda: Execution.objects.get(pk=child.id).state == "SUCCESS", seconds=40)
    assert TaskRun.objects.get(execution=child, task_id="done").state == "SUCCESS"


def test_kill_with_cascade_kills_the_subflow(client):
    save("""
        id: child
        namespace: tests.api
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT30S
    """)
    parent = create_execution(save("""
        id: parent
        namespace: tests.api
        tasks:
          - id: sub
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.api
            flowId: child
    """))
    thread, result = run_in_background(parent.id)
    wait_for(lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists())
    assert client.delete(f"/api/v1/main/executions/{parent.id}/actions/kill?isOnKillCascade=true").status_code == 200
    thread.join(30)
    assert Execution.objects.get(pk=parent.id).state == "KILLED"
    assert Execution.objects.get(parent_id=parent.id).state == "KILLED"
