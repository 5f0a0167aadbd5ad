"""AMQP Triggers against this machine's RabbitMQ, with Kestra's outputs (Consume's
`uri`/`count`, the Message model for each realtime message); a message is acked only
once its execution exists and comes back when it never was."""
import threading
import uuid

import pytest

from plugins.amqp.triggers import RealtimeTrigger, Trigger
from plugins.conftest import read_stored, require_server


@pytest.fixture
def queue():
    require_server("127.0.0.1", 5672, "RabbitMQ")
    import pika
    connection = pika.BlockingConnection(pika.ConnectionParameters("127.0.0.1", 5672))
    channel = connection.channel()
    name = f"kw-test-{uuid.uuid4().hex[:8]}"
    channel.queue_declare(name)

    def publish(*bodies, **properties):
        for body in bodies:
            channel.basic_publish("", name, body, pika.BasicProperties(**properties))

    yield name, publish, channel
    channel.queue_delete(name)
    connection.close()


def batch(queue_name, **props):
    return Trigger({"id": "watch", "type": Trigger.type, "host": "127.0.0.1", "username": "guest",
                    "password": "guest", "queue": queue_name, **props})


def realtime(queue_name, **props):
    return RealtimeTrigger({"id": "live", "type": RealtimeTrigger.type, "url": "amqp://guest:guest@127.0.0.1:5672/",
                            "queue": queue_name, **props})


def test_a_batch_is_stored_and_acked_only_with_its_execution(queue, trigger_ctx):
    name, publish, channel = queue
    publish(b'{"n": 1}', b'{"n": 2}', b'{"n": 3}', content_type="application/json", message_id="m")
    event = batch(name, maxRecords=2, serdeType="JSON").poll(trigger_ctx())
    assert event.variables["count"] == 2
    assert read_stored(event.variables["uri"]).splitlines() == [
        '{contentType:"application/json",messageId:"m",data:{n:1}}',
        '{contentType:"application/json",messageId:"m",data:{n:2}}']
    assert channel.queue_declare(name, passive=True).method.message_count == 1  # the rest waits in the queue
    event.ack()
    rest = batch(name, maxRecords=5).poll(trigger_ctx())
    assert rest.variables["count"] == 1
    rest.ack()
    assert batch(name, maxDuration="PT1S").poll(trigger_ctx()) is None  # long enough for a redelivery to come


def test_a_batch_never_acked_is_delivered_again(queue, trigger_ctx):
    name, publish, _ = queue
    publish(b"a", b"b")
    batch(name, maxRecords=2).poll(trigger_ctx()).release()  # the execution could not be created
    again = batch(name, maxRecords=2).poll(trigger_ctx())
    assert read_stored(again.variables["uri"]).splitlines() == ['{data:"a"}', '{data:"b"}']
    again.ack()


def test_the_realtime_trigger_gives_each_message_and_keeps_the_unacked_one(queue, trigger_ctx):
    name, publish, channel = queue
    publish(b"first", b"second", headers={"origin": "test"}, priority=3)
    events = realtime(name).listen(trigger_ctx(trigger_id="live"), threading.Event())
    first = next(events)
    assert first.variables == {"headers": {"origin": "test"}, "priority": 3, "data": "first"}
    first.ack()
    second = next(events)
    assert second.variables["data"] == "second"
    events.close()  # the listener stops before the second execution exists
    again = realtime(name).listen(trigger_ctx(trigger_id="live"), threading.Event())
    redelivered = next(again)
    assert redelivered.variables["data"] == "second"
    redelivered.ack()
    again.close()
    assert channel.queue_declare(name, passive=True).method.message_count == 0


def test_a_missing_queue_fails_the_evaluation_for_good(trigger_ctx):
    """The broker closes the channel with 404: no retry helps before the flow changes."""
    require_server("127.0.0.1", 5672, "RabbitMQ")
    from plugins.api.trigger_events import TriggerFailed
    with pytest.raises(TriggerFailed, match="NOT_FOUND") as caught:
        batch(f"kw-missing-{uuid.uuid4().hex[:8]}", maxRecords=1).poll(trigger_ctx())
    assert caught.value.retryable is False
