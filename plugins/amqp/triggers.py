"""Kestra's io.kestra.plugin.amqp.Trigger and RealtimeTrigger."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from plugins.api.batches import BatchFile, BatchLimits, max_duration_property, max_records_property
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.trigger import common_trigger_problems
from plugins.api.trigger_events import (
    PollingTriggerType,
    RealtimeTriggerType,
    TriggerContext,
    TriggerEvent,
    interval_property,
)

from .connection import CONNECTION_PROPERTIES, broker_errors, connect, connection_problems, failure
from .message import message_of

SERDE_TYPES = ("STRING", "JSON")
CONSUME_PROPERTIES = (
    Property("queue", required=True, description="The queue to consume."),
    Property("consumerTag", default="Kestra", description="The consumer tag; accepted, the broker names the consumer."),
    Property("autoAck", "boolean", default=False,
             description="Let the broker acknowledge on delivery; by default a message is acknowledged once its "
                         "execution exists."),
    Property("serdeType", "enum", values=SERDE_TYPES, default="STRING", description="How a message body is read."),
)
# With only maxRecords, a batch also ends when the queue stays quiet this long.
QUIET_SECONDS = 1.0
# How long the realtime trigger waits for a message before it looks at its stop signal.
LISTEN_WAIT_SECONDS = 1.0


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() == "true"


@register
class Trigger(PollingTriggerType):
    type = "io.kestra.plugin.amqp.Trigger"
    title = "Start an execution with a batch of messages of an AMQP queue."
    properties = (*CONNECTION_PROPERTIES, *CONSUME_PROPERTIES, interval_property("PT1M"),
                  max_records_property(), max_duration_property())
    outputs = (Output("uri", "string", "The Ion file of the messages."),
               Output("count", "integer", "The number of messages."))

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return common_trigger_problems(spec) + connection_problems(spec)

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        try:
            return self._poll(ctx)
        except broker_errors() as exc:
            raise failure(exc) from None

    def _poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        limits = BatchLimits.of(ctx, self)
        queue, serde = ctx.render(self.get("queue")), ctx.render(self.get("serdeType"))
        auto_ack = _truthy(ctx.render(self.get("autoAck")))
        connection = connect(ctx, self)
        try:
            return self._consume(ctx, connection, limits, queue, serde, auto_ack)
        except BaseException:
            if connection.is_open:
                connection.close()  # unacked messages go back to the queue
            raise

    def _consume(self, ctx: TriggerContext, connection: Any, limits: BatchLimits, queue: str, serde: str,
                 auto_ack: bool) -> TriggerEvent | None:
        channel = connection.channel()
        if limits.max_records is not None:
            channel.basic_qos(prefetch_count=limits.max_records)  # the broker sends no more than the batch takes
        batch, last_tag = BatchFile(ctx), None
        for method, properties, body in channel.consume(queue, auto_ack=auto_ack,
                                                        inactivity_timeout=self._wait(limits)):
            if method is not None:
                batch.write(message_of(body, properties, serde))
                last_tag = method.delivery_tag
            if limits.reached(batch.count) or (method is None and (limits.max_duration is None
                                                                   or limits.remaining() == 0.0)):
                break
        channel.cancel()  # messages sent beyond the batch go back to the queue
        if not batch.count:
            batch.discard()
            connection.close()
            return None
        uri = batch.store()

        def ack() -> None:
            if not auto_ack:
                channel.basic_ack(delivery_tag=last_tag, multiple=True)
            connection.close()

        return TriggerEvent({"uri": uri, "count": batch.count}, on_ack=ack, on_release=connection.close)

    @staticmethod
    def _wait(limits: BatchLimits) -> float:
        remaining = limits.remaining()
        return QUIET_SECONDS if remaining is None else max(min(remaining, QUIET_SECONDS), 0.05)


@register
class RealtimeTrigger(RealtimeTriggerType):
    type = "io.kestra.plugin.amqp.RealtimeTrigger"
    title = "Start an execution for each message of an AMQP queue."
    properties = (*CONNECTION_PROPERTIES, *CONSUME_PROPERTIES)
    outputs = (Output("data", "any", "The message body, read by serdeType."),
               Output("headers", "object", "The message headers."),
               Output("messageId", "string", "The message id."))

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return common_trigger_problems(spec) + connection_problems(spec)

    def listen(self, ctx: TriggerContext, stop_event: threading.Event) -> Iterator[TriggerEvent]:
        queue, serde = ctx.render(self.get("queue")), ctx.render(self.get("serdeType"))
        auto_ack = _truthy(ctx.render(self.get("autoAck")))
        connection = connect(ctx, self)
        channel = connection.channel()
        listening = threading.get_ident()

        def settle(action: Callable[[], None]) -> None:
            """pika's connection is its thread's: another thread hands the ack over to it."""
            if threading.get_ident() == listening:
                action()
            else:
                connection.add_callback_threadsafe(action)

        try:
            for method, properties, body in channel.consume(queue, auto_ack=auto_ack,
                                                            inactivity_timeout=LISTEN_WAIT_SECONDS):
                if stop_event.is_set():
                    break
                if method is None:
                    continue
                tag = method.delivery_tag
                yield TriggerEvent(
                    message_of(body, properties, serde),
                    on_ack=None if auto_ack else partial(settle, partial(channel.basic_ack, tag)),
                    on_release=None if auto_ack else partial(settle, partial(channel.basic_nack, tag, requeue=True)))
        except broker_errors() as exc:
            raise failure(exc) from None
        finally:
            if connection.is_open:
                connection.process_data_events(time_limit=0)  # run the acks handed over by other threads
                if channel.is_open:
                    channel.cancel()
                connection.close()
