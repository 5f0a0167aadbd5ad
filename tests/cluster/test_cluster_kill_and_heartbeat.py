"""A worker in another process keeps its running task's heartbeat, and a kill made
here reaches the task there through the database: its cancel event is set and the task
stops, as Kestra's Worker kills the WorkerTask of an execution it gets an
ExecutionKilled for (Worker.handleExecutionKilled, WorkerTest killed cases)."""
import pytest

from executions.models import Execution, TaskRun
from executions.operations import kill
from tests.cluster.cluster_process import running_cluster, start, wait_for, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

LONG_NAP = """
id: long_nap
namespace: tests.cluster
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT1H
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: should not run
"""


def test_a_worker_beats_and_a_kill_stops_its_sleep(tmp_path, orm_broker):
    with running_cluster(tmp_path, orm_broker) as proc:
        execution_id = start(LONG_NAP, tmp_path, orm_broker)

        def running():
            return TaskRun.objects.filter(execution_id=execution_id, task_id="nap", state="RUNNING").first()

        wait_for(lambda: running() is not None, "the Sleep started", proc, tmp_path)
        first_beat = running().heartbeat
        wait_for(lambda: running().heartbeat > first_beat, "the worker renewed the heartbeat", proc, tmp_path)
        kill(execution_id)
        execution = wait_for_end(execution_id, proc, tmp_path)
        # Ended KILLED by its worker (not only marked): the worker wrote the attempt's end.
        nap = TaskRun.objects.get(execution_id=execution_id, task_id="nap")
    assert execution.state == "KILLED"
    assert nap.state == "KILLED" and nap.attempts[-1]["state"]["current"] == "KILLED"
    assert len(nap.attempts) == 1
    assert not TaskRun.objects.filter(execution_id=execution_id, task_id="never").exists()
    assert Execution.objects.get(pk=execution_id).state == "KILLED"


BESIDE_A_LONG_TASK = """
id: beside_a_long_task
namespace: tests.cluster
tasks:
  - id: both
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: long
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT1H
      - id: short
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: quick
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0S
          - id: then
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0S
"""


def test_a_long_task_does_not_hold_the_clusters_only_worker_process(tmp_path, orm_broker):
    """With one django-q2 worker process, the hour-long Sleep runs on a thread of it
    and the other branch's steps still go through, as Kestra's executor goes on while
    its worker threads run tasks."""
    with running_cluster(tmp_path, orm_broker, KESTRAWEB_Q_WORKERS="1") as proc:
        execution_id = start(BESIDE_A_LONG_TASK, tmp_path, orm_broker)

        def states():
            return dict(TaskRun.objects.filter(execution_id=execution_id).values_list("task_id", "state"))

        wait_for(lambda: states().get("then") == "SUCCESS", "the short branch ended", proc, tmp_path)
        assert states()["long"] == "RUNNING"
        kill(execution_id)
        execution = wait_for_end(execution_id, proc, tmp_path)
    assert execution.state == "KILLED" and states()["long"] == "KILLED"
