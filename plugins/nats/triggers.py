"""Kestra's io.kestra.plugin.nats.core.Trigger and RealtimeTrigger."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

from plugins.api.batches import BatchFile, BatchLimits, max_duration_property, max_records_property
from plugins.api.durations import DurationError, parse_duration
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.trigger_events import (
    PollingTriggerType,
    RealtimeTriggerType,
    TriggerContext,
    TriggerEvent,
    TriggerFailed,
    interval_property,
)

from .consumer import CONNECTION_PROPERTIES, SUBSCRIBE_PROPERTIES, Consumer, output_of

LISTEN_WAIT_SECONDS = 1.0


@register
class Trigger(PollingTriggerType):
    type = "io.kestra.plugin.nats.core.Trigger"
    aliases = ("io.kestra.plugin.nats.Trigger",)
    title = "Start an execution with a batch of messages of a NATS JetStream subject."
    properties = (*CONNECTION_PROPERTIES, *SUBSCRIBE_PROPERTIES, interval_property("PT1M"),
                  Property("pollDuration", "duration", default="PT2S",
                           description="How long one pull waits for messages."),
                  max_records_property(), max_duration_property())
    outputs = (Output("uri", "string", "The Ion file of the messages."),
               Output("messagesCount", "integer", "The number of messages."))

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        """Kestra's Consume: pull until a pull comes back empty, `maxRecords` is
        reached or `maxDuration` has passed."""
        try:
            wait = parse_duration(ctx.render(self.get("pollDuration"))).total_seconds()
        except DurationError as exc:
            raise TriggerFailed(f"pollDuration: {exc}") from None
        limits = BatchLimits(None, None) if (self.get("maxRecords") is None and self.get("maxDuration") is None) \
            else BatchLimits.of(ctx, self)
        consumer = Consumer(ctx, self).open()
        batch, seen = BatchFile(ctx), set()
        messages: list[Any] = []
        while not limits.reached(len(messages)):
            room = limits.room(len(messages))
            pulled = consumer.fetch(consumer.batch_size if room is None else min(consumer.batch_size, room), wait)
            # A message of this batch whose ack wait ran out comes again: it is in the batch already.
            fresh = [message for message in pulled if message.metadata.sequence.stream not in seen]
            if not fresh:
                break
            for message in fresh:
                seen.add(message.metadata.sequence.stream)
                messages.append(message)
                batch.write(output_of(message))
        if not messages:
            batch.discard()
            consumer.close()
            return None
        uri = batch.store()

        def settle(ack: bool) -> None:
            try:
                consumer.settle(messages, ack)
            finally:
                consumer.close()

        return TriggerEvent({"uri": uri, "messagesCount": len(messages)}, on_ack=lambda: settle(True),
                            on_release=lambda: settle(False))


@register
class RealtimeTrigger(RealtimeTriggerType):
    type = "io.kestra.plugin.nats.core.RealtimeTrigger"
    aliases = ("io.kestra.plugin.nats.RealtimeTrigger",)
    title = "Start an execution for each message of a NATS JetStream subject."
    properties = (*CONNECTION_PROPERTIES, *SUBSCRIBE_PROPERTIES)
    outputs = (Output("subject", "string", "The message's subject."),
               Output("headers", "object", "The message's headers, each a list of values."),
               Output("data", "string", "The message's payload as text."),
               Output("timestamp", "string", "When the stream stored the message."))

    def listen(self, ctx: TriggerContext, stop_event: threading.Event) -> Iterator[TriggerEvent]:
        consumer = Consumer(ctx, self).open()
        try:
            while not stop_event.is_set():
                for message in consumer.fetch(consumer.batch_size, LISTEN_WAIT_SECONDS):
                    yield TriggerEvent(output_of(message), on_ack=partial(consumer.settle, [message], True),
                                       on_release=partial(consumer.settle, [message], False))
        finally:
            consumer.close()
