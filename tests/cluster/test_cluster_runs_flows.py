"""The cluster runs an execution it is given, in its own worker processes: each
`advance` and `run_taskrun` is a django-q2 task, as Kestra's executor and workers
exchange WorkerTask and WorkerTaskResult messages over its queue (Kestra's
JdbcExecutor/Worker). Every taskrun runs once: a claim is a transaction."""
import os

import pytest

from executions.models import LogEntry, TaskRun
from tests.cluster.cluster_process import attempts_by_task, running_cluster, start, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

SEQUENTIAL = """
id: sequential
namespace: tests.cluster
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: one
  - id: second
    type: io.kestra.plugin.core.debug.Return
    format: "{{ outputs.first is defined }}"
  - id: third
    type: io.kestra.plugin.core.log.Log
    message: three
"""

PARALLEL = """
id: parallel_sleeps
namespace: tests.cluster
tasks:
  - id: together
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: nap_a
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.5S
      - id: nap_b
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.5S
      - id: nap_c
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.5S
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: all rested
"""


def test_the_cluster_runs_a_sequential_flow_each_task_once(tmp_path, broker):
    with running_cluster(tmp_path, broker) as proc:
        execution_id = start(SEQUENTIAL, tmp_path, broker)
        execution = wait_for_end(execution_id, proc, tmp_path)
    assert execution.state == "SUCCESS"
    assert attempts_by_task(execution_id) == {"first": [1], "second": [1], "third": [1]}
    messages = list(LogEntry.objects.filter(execution_id=execution_id).values_list("message", flat=True))
    assert messages.count("one") == 1 and messages.count("three") == 1


def test_the_cluster_runs_parallel_sleeps_in_its_worker_processes(tmp_path, broker):
    with running_cluster(tmp_path, broker) as proc:
        execution_id = start(PARALLEL, tmp_path, broker)
        execution = wait_for_end(execution_id, proc, tmp_path)
    assert execution.state == "SUCCESS"
    assert attempts_by_task(execution_id) == {"together": [0], "nap_a": [1], "nap_b": [1], "nap_c": [1],
                                              "after": [1]}
    workers = set(TaskRun.objects.filter(execution_id=execution_id, task_id__startswith="nap")
                  .values_list("worker", flat=True))
    # Run by the cluster's worker processes, not by this one.
    assert workers and all(not w.endswith(f":{os.getpid()}") for w in workers)
