"""End to end: `manage.py scheduler` polls a flow's io.kestra.plugin.redis.list.Trigger
against a real Redis; the batch starts one execution whose `trigger.uri` (stored under
that execution's own id, Kestra's triggerExecutionId) holds the items as Ion and
`trigger.count` their number, and the items leave Redis, pending list included, once
the execution exists (Kestra's redis list Trigger, io.kestra.plugin.redis.list.TriggerTest)."""
import pytest

from executions.models import Execution
from flows.services import save_flow
from storage import LocalStorage

from .conftest import wait_for
from .redis_lists import URL, nothing_left

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_batch_of_items_starts_one_execution_then_leaves_redis(processes, redis_list, tmp_path):
    connection, key = redis_list
    connection.rpush(key, '{"n": 1}', '{"n": 2}', '{"n": 3}')
    save_flow(f"""
id: redis-batch
namespace: tests.e2e
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.count }}}}"
triggers:
  - id: watch
    type: io.kestra.plugin.redis.list.Trigger
    url: {URL}
    key: {key}
    serdeType: JSON
    maxRecords: 3
    interval: PT1S
""")
    scheduler = processes.scheduler()
    wait_for(scheduler, lambda: Execution.objects.filter(flow_id="redis-batch").exists(), "an execution started")
    wait_for(scheduler, lambda: nothing_left(connection, key), "the batch acknowledged")

    [execution] = Execution.objects.filter(flow_id="redis-batch")
    trigger = execution.trigger
    assert (trigger["id"], trigger["type"]) == ("watch", "io.kestra.plugin.redis.list.Trigger")
    assert trigger["variables"]["count"] == 3
    uri = trigger["variables"]["uri"]
    assert f"/tests/e2e/redis-batch/executions/{execution.id}/trigger/watch/" in uri
    with LocalStorage(tmp_path / "storage").open(uri) as stored:  # the scheduler's storage
        assert stored.read().decode().splitlines() == ["{n:1}", "{n:2}", "{n:3}"]
