"""NATS JetStream Triggers against this machine's server (JetStream enabled), with
Kestra's outputs (Consume's `uri`/`messagesCount`, NatsMessageOutput); a message not
acknowledged is delivered again."""
import asyncio
import threading
import uuid

import pytest

from plugins.conftest import read_stored, require_server
from plugins.nats.triggers import RealtimeTrigger, Trigger


async def _stream(name, subject, payloads, consumer=None):
    import nats
    from nats.js.api import ConsumerConfig
    connection = await nats.connect("nats://127.0.0.1:4222")
    js = connection.jetstream()
    if payloads is None:
        await js.delete_stream(name)
    else:
        await js.add_stream(name=name, subjects=[subject])
        if consumer:
            await js.add_consumer(name, ConsumerConfig(durable_name=consumer, ack_wait=1, filter_subject=subject))
        for payload in payloads:
            await js.publish(subject, payload, headers={"origin": "test"})
    await connection.close()


@pytest.fixture
def stream():
    require_server("127.0.0.1", 4222, "NATS")
    name = f"KW{uuid.uuid4().hex[:8]}"
    subject = f"kw.{name}"

    def create(*payloads, consumer=None):
        asyncio.run(_stream(name, subject, payloads, consumer))

    yield subject, create
    asyncio.run(_stream(name, subject, None))


def settings(type_, subject, **props):
    return {"id": "watch", "type": type_.type, "url": "nats://127.0.0.1:4222", "subject": subject,
            "durableId": "kestra", **props}  # pollDuration: Kestra's PT2S


def test_a_batch_is_acked_only_with_its_execution(stream, trigger_ctx):
    subject, create = stream
    create(b"one", b"two", b"three")
    first = Trigger(settings(Trigger, subject, maxRecords=2)).poll(trigger_ctx())
    lines = read_stored(first.variables["uri"]).splitlines()
    assert first.variables["messagesCount"] == 2
    assert lines[0].startswith(f'{{subject:"{subject}",headers:{{origin:["test"]}},data:"one",timestamp:"')
    first.release()  # nak: delivered again at once
    again = Trigger(settings(Trigger, subject)).poll(trigger_ctx())
    assert [line.split('data:"')[1].split('"')[0] for line in read_stored(again.variables["uri"]).splitlines()] == [
        "one", "two", "three"]
    again.ack()
    assert Trigger(settings(Trigger, subject)).poll(trigger_ctx()) is None


def test_a_batch_whose_scheduler_died_comes_back_after_the_ack_wait(stream, trigger_ctx):
    subject, create = stream
    create(b"only", consumer="kestra")  # a durable consumer whose ack wait is 1 s
    lost = Trigger(settings(Trigger, subject)).poll(trigger_ctx())
    assert lost.variables["messagesCount"] == 1  # never acked nor released
    again = Trigger(settings(Trigger, subject, pollDuration="PT10S", maxRecords=1)).poll(trigger_ctx())
    assert 'data:"only"' in read_stored(again.variables["uri"])
    again.ack()
    lost.release()


def test_the_realtime_trigger_gives_each_message(stream, trigger_ctx):
    subject, create = stream
    create(b"hello", b"world")
    stop = threading.Event()
    events = RealtimeTrigger(settings(RealtimeTrigger, subject)).listen(trigger_ctx(), stop)
    first = next(events)
    assert first.variables["data"] == "hello" and first.variables["headers"] == {"origin": ["test"]}
    assert first.variables["timestamp"].endswith("Z")
    first.ack()
    second = next(events)
    second.release()
    assert next(events).variables["data"] == "world"  # released: delivered again
    stop.set()
    events.close()
