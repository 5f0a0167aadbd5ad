"""End to end: `manage.py scheduler` listens to a flow's
io.kestra.plugin.redis.list.RealtimeTrigger on a real Redis; each item pushed starts
one execution with `trigger.value` and leaves Redis, its pending list included, once
that execution exists (Kestra's RealtimeTriggerInterface, redis list RealtimeTriggerTest)."""
import pytest

from executions.models import Execution
from flows.services import save_flow

from .conftest import wait_for
from .redis_lists import URL, nothing_left

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_item_pushed_starts_one_execution_then_leaves_redis(processes, redis_list):
    connection, key = redis_list
    save_flow(f"""
id: redis-live
namespace: tests.e2e
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.value }}}}"
triggers:
  - id: live
    type: io.kestra.plugin.redis.list.RealtimeTrigger
    url: {URL}
    key: {key}
    serdeType: JSON
""")
    scheduler = processes.scheduler()
    connection.rpush(key, '{"order": 1}', '{"order": 2}')
    executions = Execution.objects.filter(flow_id="redis-live")
    wait_for(scheduler, lambda: executions.count() == 2, "two executions started")
    wait_for(scheduler, lambda: nothing_left(connection, key), "both items acknowledged")

    connection.rpush(key, '{"order": 3}')
    wait_for(scheduler, lambda: executions.count() == 3, "a third execution started")
    wait_for(scheduler, lambda: nothing_left(connection, key), "the third item acknowledged")
    values = sorted(e.trigger["variables"]["value"]["order"] for e in executions)
    assert values == [1, 2, 3]
    assert {e.trigger["id"] for e in executions} == {"live"}
