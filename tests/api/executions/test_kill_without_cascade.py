"""`DELETE /executions/{id}/actions/kill?isOnKillCascade=false` (Kestra's
ExecutionController#killExecution): only this execution is killed; the subflow
executions it started run on to their own end. With the default (true) they are
killed with it (tests/operations/test_kill.py)."""
import pytest

from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for

from .lineage import create_parent_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def parent_with_child_asleep():
    """Start, in the background, a parent whose subflow child sleeps `nap` then returns;
    returns (parent, its thread) once the child is asleep."""
    def start(nap: str):
        parent = create_parent_of(f"""
            - id: nap
              type: io.kestra.plugin.core.flow.Sleep
              duration: {nap}
            - id: done
              type: io.kestra.plugin.core.debug.Return
              format: done
        """)
        thread, _ = run_in_background(parent.id)
        wait_for(lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists())
        return parent, thread

    return start


def test_kill_without_cascade_leaves_the_subflow_running(kestra_client, parent_with_child_asleep):
    parent, thread = parent_with_child_asleep("PT8S")
    killed = kestra_client.executions.kill_execution(parent.id, "main", is_on_kill_cascade=False)
    assert killed.state.current.value in ("KILLING", "KILLED")
    thread.join(30)
    assert Execution.objects.get(pk=parent.id).state == "KILLED"
    child = Execution.objects.get(parent_id=parent.id)
    wait_for(lambda: Execution.objects.get(pk=child.id).state == "SUCCESS", seconds=40)
    assert TaskRun.objects.get(execution=child, task_id="done").state == "SUCCESS"


def test_kill_with_cascade_kills_the_subflow(client, parent_with_child_asleep):
    parent, thread = parent_with_child_asleep("PT30S")
    assert client.delete(f"/api/v1/main/executions/{parent.id}/actions/kill?isOnKillCascade=true").status_code == 200
    thread.join(30)
    assert Execution.objects.get(pk=parent.id).state == "KILLED"
    assert Execution.objects.get(parent_id=parent.id).state == "KILLED"
