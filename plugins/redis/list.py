"""Kestra's io.kestra.plugin.redis.list.Trigger and RealtimeTrigger."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from plugins.api.batches import BatchFile, BatchLimits, deserialize, max_duration_property, max_records_property
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

from .pending import client, give_back, pending_key, redis_error, take

SERDE_TYPES = ("STRING", "JSON")
URL = Property("url", required=True, description="The Redis connection string (redis://[:password@]host:port/db).")
KEY = Property("key", required=True, description="The list popped from its head.")
SERDE = Property("serdeType", "enum", values=SERDE_TYPES, default="STRING", description="How items are read.")
# How long the realtime trigger waits for an item before it looks at its stop signal.
LISTEN_WAIT_SECONDS = 1


@register
class Trigger(PollingTriggerType):
    type = "io.kestra.plugin.redis.list.Trigger"
    aliases = ("io.kestra.plugin.redis.TriggerList",)
    title = "Start an execution with a batch of items popped from a Redis list."
    properties = (
        URL, KEY, SERDE, interval_property("PT1M"),
        Property("count", "integer", default=100, minimum=1, description="Items popped per round trip."),
        max_records_property(), max_duration_property(),
    )
    outputs = (Output("uri", "string", "The Ion file of the items."), Output("count", "integer", "Items popped."))

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        try:
            return self._poll(ctx)
        except redis_error() as exc:
            raise TriggerFailed(f"Redis failed while popping: {exc}", retryable=True) from None

    def _poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        limits = BatchLimits.of(ctx, self)
        key, serde = str(ctx.render(self.get("key"))), ctx.render(self.get("serdeType"))
        count = int(ctx.render(self.get("count")))
        connection = client(ctx.render(self.get("url")))
        pending = pending_key(key, ctx)
        batch = BatchFile(ctx)
        try:
            items = connection.lrange(pending, 0, -1)  # an earlier batch whose execution was never created
            while not limits.reached(len(items)):
                room = limits.room(len(items))
                popped = take(connection, key, pending, count if room is None else min(count, room))
                if not popped:
                    break
                items += popped
            for item in items:
                batch.write(deserialize(item, serde))
        except TriggerFailed:
            give_back(connection, key, pending)
            batch.discard()
            raise
        if not items:
            batch.discard()
            connection.close()
            return None
        uri = batch.store()

        def ack() -> None:
            connection.delete(pending)
            connection.close()

        def release() -> None:
            give_back(connection, key, pending)
            connection.close()

        return TriggerEvent({"uri": uri, "count": len(items)}, on_ack=ack, on_release=release)


@register
class RealtimeTrigger(RealtimeTriggerType):
    type = "io.kestra.plugin.redis.list.RealtimeTrigger"
    aliases = ("io.kestra.plugin.redis.RealtimeTriggerList",)
    title = "Start an execution for each item popped from a Redis list."
    properties = (URL, KEY, SERDE)
    outputs = (Output("value", "any", "The item."),)

    def listen(self, ctx: TriggerContext, stop_event: threading.Event) -> Iterator[TriggerEvent]:
        key, serde = str(ctx.render(self.get("key"))), ctx.render(self.get("serdeType"))
        connection = client(ctx.render(self.get("url")))
        pending = pending_key(key, ctx)
        try:
            for item in connection.lrange(pending, 0, -1):  # taken by a listener that stopped before its ack
                yield self._event(connection, key, pending, item, serde)
            while not stop_event.is_set():
                item = connection.blmove(key, pending, LISTEN_WAIT_SECONDS, "LEFT", "RIGHT")
                if item is not None:
                    yield self._event(connection, key, pending, item, serde)
        except redis_error() as exc:
            raise TriggerFailed(f"Redis failed while listening: {exc}", retryable=True) from None
        finally:
            connection.close()

    @staticmethod
    def _event(connection: Any, key: str, pending: str, item: bytes, serde: str) -> TriggerEvent:
        def ack() -> None:
            connection.lrem(pending, 1, item)

        def release() -> None:
            connection.lrem(pending, 1, item)
            connection.lpush(key, item)

        return TriggerEvent({"value": deserialize(item, serde)}, on_ack=ack, on_release=release)
