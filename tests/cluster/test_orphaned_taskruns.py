"""A taskrun whose worker died (SIGKILL of the process running it) is found by the
sweeper and run again, a bounded number of times (KESTRAWEB_ORPHAN_MAX_RESUBMITS), then
FAILED saying why; Kestra's executor resubmits the WorkerTaskRunning of a dead worker
(JdbcExecutor's workersToRecheck / WorkerJobResubmit)."""
import signal

import pytest

from executions.models import Execution, LogEntry, TaskRun
from tests.cluster.cluster_process import running_cluster, wait_for_end
from tests.subprocesses import manage_env, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

NAP = """
id: napper
namespace: tests.cluster
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: "{{ envs.nap }}"
"""


def _orphan_a_sleep(tmp_path) -> str:
    """runflow starts the Sleep, then dies without a word."""
    (tmp_path / "napper.yaml").write_text(NAP)
    proc = start_manage("runflow", str(tmp_path / "napper.yaml"), env=manage_env(tmp_path, ENV_NAP="PT1H"))
    wait_while_running(proc, lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists(),
                       "the Sleep started")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    return Execution.objects.get(flow_id="napper").id


def test_the_cluster_runs_an_orphaned_taskrun_again(tmp_path, orm_broker):
    execution_id = _orphan_a_sleep(tmp_path)
    with running_cluster(tmp_path, orm_broker, ENV_NAP="PT0S") as proc:
        execution = wait_for_end(execution_id, proc, tmp_path)
    nap = TaskRun.objects.get(execution_id=execution_id, task_id="nap")
    assert execution.state == "SUCCESS"
    assert [a["state"]["current"] for a in nap.attempts] == ["KILLED", "SUCCESS"]
    assert LogEntry.objects.filter(execution_id=execution_id,
                                   message__startswith="The worker running this task stopped").count() == 1


def test_an_orphan_past_the_bound_fails_saying_why(tmp_path, orm_broker):
    execution_id = _orphan_a_sleep(tmp_path)
    with running_cluster(tmp_path, orm_broker, ENV_NAP="PT0S", KESTRAWEB_ORPHAN_MAX_RESUBMITS="0") as proc:
        execution = wait_for_end(execution_id, proc, tmp_path)
    nap = TaskRun.objects.get(execution_id=execution_id, task_id="nap")
    assert (execution.state, nap.state) == ("FAILED", "FAILED")
    assert [a["state"]["current"] for a in nap.attempts] == ["KILLED"]
    message = LogEntry.objects.get(execution_id=execution_id, level="ERROR").message
    assert "The worker running this task stopped" in message and "KESTRAWEB_ORPHAN_MAX_RESUBMITS = 0" in message
