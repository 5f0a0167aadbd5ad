"""Redis list Triggers against this machine's Redis, as Kestra's list Trigger and
RealtimeTrigger give them (`trigger.uri`/`trigger.count`, `trigger.value`); an item
stays in Redis until its execution exists."""
import threading
import uuid

import pytest

from plugins.api.trigger_events import TriggerFailed
from plugins.conftest import read_stored, require_server
from plugins.redis.list import RealtimeTrigger, Trigger

URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_list():
    require_server("127.0.0.1", 6379, "Redis")
    import redis
    connection = redis.Redis.from_url(URL)
    key = f"kw-test-{uuid.uuid4().hex[:8]}"
    yield connection, key
    for name in connection.scan_iter(f"{key}*"):
        connection.delete(name)
    connection.close()


def batch_trigger(key, **props):
    return Trigger({"id": "watch", "type": Trigger.type, "url": URL, "key": key, **props})


def test_a_batch_of_items_becomes_one_ion_file(redis_list, trigger_ctx):
    connection, key = redis_list
    connection.rpush(key, '{"n": 1}', '{"n": 2}', '{"n": 3}')
    event = batch_trigger(key, serdeType="JSON", maxRecords=2, count=10).poll(trigger_ctx())
    assert event.variables["count"] == 2
    assert read_stored(event.variables["uri"]).splitlines() == ["{n:1}", "{n:2}"]
    event.ack()
    assert connection.lrange(key, 0, -1) == [b'{"n": 3}']
    assert batch_trigger(key, maxRecords=5).poll(trigger_ctx()).variables["count"] == 1


def test_an_empty_list_starts_nothing(redis_list, trigger_ctx):
    _, key = redis_list
    assert batch_trigger(key, maxDuration="PT0.1S").poll(trigger_ctx()) is None


def test_items_of_a_batch_never_acked_come_back_in_the_next_one(redis_list, trigger_ctx):
    """The scheduler died between the poll and the execution: nothing is lost."""
    connection, key = redis_list
    connection.rpush(key, "a", "b")
    lost = batch_trigger(key, maxRecords=1).poll(trigger_ctx())
    assert lost.variables["count"] == 1
    connection.rpush(key, "c")
    again = batch_trigger(key, maxRecords=10).poll(trigger_ctx())
    assert read_stored(again.variables["uri"]).splitlines() == ['"a"', '"b"', '"c"']
    again.ack()
    assert connection.exists(key) == 0 and not list(connection.scan_iter(f"{key}:*"))


def test_a_released_batch_goes_back_to_the_head_of_the_list(redis_list, trigger_ctx):
    connection, key = redis_list
    connection.rpush(key, "a", "b", "c")
    batch_trigger(key, maxRecords=2).poll(trigger_ctx()).release()
    assert connection.lrange(key, 0, -1) == [b"a", b"b", b"c"]


def test_a_batch_needs_max_records_or_max_duration(redis_list, trigger_ctx):
    with pytest.raises(TriggerFailed, match="maxDuration or maxRecords must be set"):
        batch_trigger(redis_list[1]).poll(trigger_ctx())


def test_the_realtime_trigger_gives_one_event_per_item_and_keeps_unacked_ones(redis_list, trigger_ctx):
    connection, key = redis_list
    connection.rpush(key, "first", "second")
    watch = RealtimeTrigger({"id": "live", "type": RealtimeTrigger.type, "url": URL, "key": key})
    stop = threading.Event()
    ctx = trigger_ctx(trigger_id="live")
    events = watch.listen(ctx, stop)
    first = next(events)
    assert first.variables == {"value": "first"}
    first.ack()
    second = next(events)
    assert second.variables == {"value": "second"}
    stop.set()
    events.close()  # stopped before its execution existed: "second" is still owed
    assert connection.llen(key) == 0
    again = watch.listen(ctx, threading.Event())
    redelivered = next(again)
    assert redelivered.variables == {"value": "second"}
    redelivered.ack()
    again.close()
    assert not list(connection.scan_iter(f"{key}*"))
