"""Waits are the sweeper's: no process sleeps through a Pause `delay`, a retry's
`interval` or a LoopUntil's `checkFrequency`; once due, the sweeper queues an
`advance`, as Kestra's executor takes due ExecutionDelay records (JdbcExecutor's
scheduled delay handling) and its WorkerTaskResult retries (RetryingTest)."""
import pytest

from executions.models import LogEntry
from tests.cluster.cluster_process import attempts_by_task, running_cluster, start, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

PAUSED = """
id: paused
namespace: tests.cluster
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    delay: PT1S
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: resumed by the sweeper
"""

RETRIED = """
id: retried
namespace: tests.cluster
tasks:
  - id: flaky
    type: io.kestra.plugin.core.execution.Fail
    retry:
      type: constant
      interval: PT0.5S
      maxAttempts: 3
errors:
  - id: handled
    type: io.kestra.plugin.core.log.Log
    message: gave up
"""


def test_a_pause_with_a_delay_ends_by_the_sweeper(tmp_path, orm_broker):
    with running_cluster(tmp_path, orm_broker) as proc:
        execution_id = start(PAUSED, tmp_path, orm_broker)
        execution = wait_for_end(execution_id, proc, tmp_path)
    assert execution.state == "SUCCESS"
    assert "PAUSED" in [h["state"] for h in execution.state_history]
    assert LogEntry.objects.filter(execution_id=execution_id, message="resumed by the sweeper").count() == 1


def test_a_retry_interval_is_waited_by_the_sweeper(tmp_path, orm_broker):
    with running_cluster(tmp_path, orm_broker) as proc:
        execution_id = start(RETRIED, tmp_path, orm_broker)
        execution = wait_for_end(execution_id, proc, tmp_path)
    assert execution.state == "FAILED"
    assert attempts_by_task(execution_id) == {"flaky": [3], "handled": [1]}
