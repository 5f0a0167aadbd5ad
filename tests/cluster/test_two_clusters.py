"""Two clusters on one database and broker: no taskrun runs twice though both take
steps of the same executions (a claim is a transaction, SKIP LOCKED on PostgreSQL), and
when one is SIGKILLed mid-task the other finishes its execution, running again only
the task that was under way, as Kestra's executor resubmits a dead worker's tasks
(JdbcExecutor workersToRecheck) and no finished one."""
import os
import signal

import pytest

from executions.models import LogEntry, TaskRun
from tests.cluster.cluster_process import attempts_by_task, running_cluster, start, wait_for, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

MANY_NAPS = "".join(f"""
      - id: nap_{n}
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.2S""" for n in range(8))

PARALLEL = f"""
id: shared_work
namespace: tests.cluster
tasks:
  - id: together
    type: io.kestra.plugin.core.flow.Parallel
    tasks:{MANY_NAPS}
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: done
"""

STEPS = """
id: killed_midway
namespace: tests.cluster
tasks:
  - id: before
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT0S
  - id: long
    type: io.kestra.plugin.core.flow.Sleep
    duration: "{{ envs.nap }}"
  - id: after
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT0S
"""


def test_two_clusters_never_run_one_taskrun_twice(tmp_path, broker):
    with running_cluster(tmp_path, broker, name="one") as one, running_cluster(tmp_path, broker, name="two"):
        execution_ids = [start(PARALLEL, tmp_path, broker) for _ in range(3)]
        ended = [wait_for_end(execution_id, one, tmp_path) for execution_id in execution_ids]
    assert [e.state for e in ended] == ["SUCCESS"] * 3, list(
        LogEntry.objects.filter(level="ERROR").values_list("task_id", "message"))
    expected = {"together": [0], **{f"nap_{n}": [1] for n in range(8)}, "after": [1]}
    assert all(attempts_by_task(execution_id) == expected for execution_id in execution_ids)


def test_the_other_cluster_finishes_after_a_sigkill_mid_task(tmp_path, broker):
    with running_cluster(tmp_path, broker, name="doomed", ENV_NAP="PT1H") as doomed:
        execution_id = start(STEPS, tmp_path, broker)
        wait_for(lambda: TaskRun.objects.filter(execution_id=execution_id, task_id="long", state="RUNNING").exists(),
                 "the long task started", doomed, tmp_path)
        with running_cluster(tmp_path, broker, name="survivor", ENV_NAP="PT0S") as survivor:
            os.killpg(doomed.pid, signal.SIGKILL)
            doomed.wait(60)
            execution = wait_for_end(execution_id, survivor, tmp_path)
    assert execution.state == "SUCCESS"
    runs = {tr.task_id: [a["state"]["current"] for a in tr.attempts]
            for tr in TaskRun.objects.filter(execution_id=execution_id)}
    assert runs == {"before": ["SUCCESS"], "long": ["KILLED", "SUCCESS"], "after": ["SUCCESS"]}
