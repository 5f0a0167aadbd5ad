"""Executions that wait for the cluster without a task running: QUEUED by a flow's
`concurrency` until the running one ends (Kestra's ExecutionQueued, released by the
executor when an execution ends), and a retry by CREATE_NEW_EXECUTION, whose new
execution starts once its interval passed (ExecutorService's RESTART_FAILED_FLOW
delay). The sweeper and the ended execution's step wake them."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster, start, submit, wait_for, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

ONE_AT_A_TIME = """
id: one_at_a_time
namespace: tests.cluster
concurrency:
  limit: 1
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT0.5S
"""

RETRIED_BY_NEW_EXECUTION = """
id: retried_anew
namespace: tests.cluster
tasks:
  - id: flaky
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ execution.originalId == execution.id }}"
    retry:
      type: constant
      interval: PT0.5S
      maxAttempt: 3
      behavior: CREATE_NEW_EXECUTION
"""


def test_a_queued_execution_runs_once_the_slot_frees(tmp_path, orm_broker):
    flow, _ = save_flow(ONE_AT_A_TIME)
    first, second = create_execution(flow, {}), create_execution(flow, {})
    with running_cluster(tmp_path, orm_broker) as proc:
        submit(first.id, tmp_path, orm_broker)
        wait_for(lambda: Execution.objects.get(pk=first.id).state == "RUNNING", "the first started", proc, tmp_path)
        submit(second.id, tmp_path, orm_broker)
        wait_for(lambda: Execution.objects.get(pk=second.id).state != "CREATED", "the second admitted or queued",
                 proc, tmp_path)
        second_end = wait_for_end(second.id, proc, tmp_path)
    first = Execution.objects.get(pk=first.id)
    assert (first.state, second_end.state) == ("SUCCESS", "SUCCESS")
    assert "QUEUED" in [h["state"] for h in second_end.state_history]
    assert second_end.taskruns.get().start_date >= first.end_date  # it waited for the slot


def test_a_retry_by_new_execution_is_started_by_the_cluster(tmp_path, orm_broker):
    with running_cluster(tmp_path, orm_broker) as proc:
        first_id = start(RETRIED_BY_NEW_EXECUTION, tmp_path, orm_broker)
        wait_for(lambda: Execution.objects.filter(replay_of=first_id).exists(), "the new execution created",
                 proc, tmp_path)
        successor = Execution.objects.get(replay_of=first_id)
        successor = wait_for_end(successor.id, proc, tmp_path)
    assert Execution.objects.get(pk=first_id).state == "RETRIED"
    assert successor.state == "SUCCESS"
