"""Popping list items without losing them. Kestra's list triggers LPOP, so an item
popped by a scheduler that dies before the execution exists is gone. Here an item is
moved (LMOVE) to a pending list of its trigger, and leaves it only when the
execution exists (ack); an evaluation that finds items still pending hands them over
first, so they are delivered again rather than lost."""
from __future__ import annotations

import importlib
from typing import Any

from plugins.api.trigger_events import TriggerContext, TriggerFailed

# The pending list of a trigger sits beside the user's list, named after both.
PENDING = "{key}:kestraweb-pending:{namespace}.{flow_id}.{trigger_id}"


def pending_key(key: str, ctx: TriggerContext) -> str:
    return PENDING.format(key=key, namespace=ctx.namespace, flow_id=ctx.flow_id, trigger_id=ctx.trigger_id)


def redis_error() -> type[Exception]:
    """The base of the errors the redis package raises (a server gone mid-poll)."""
    error: type[Exception] = importlib.import_module("redis").RedisError
    return error


def client(url: str) -> Any:
    """A client for `url` (redis://[:password@]host:port/db), raw bytes in and out."""
    try:
        redis = importlib.import_module("redis")
    except ImportError as exc:
        raise TriggerFailed(f"the redis package is not installed: {exc}") from None
    if not url:
        raise TriggerFailed("Rendered value of `url` is blank.")
    try:
        connection = redis.Redis.from_url(str(url), socket_connect_timeout=10)
        connection.ping()
    except ValueError as exc:
        raise TriggerFailed(f"url: {exc}") from None
    except redis.RedisError as exc:
        raise TriggerFailed(f"cannot reach Redis at {url}: {exc}", retryable=True) from None
    return connection


def take(connection: Any, key: str, pending: str, count: int) -> list[bytes]:
    """Move up to `count` items from the head of `key` to the tail of `pending`."""
    pipe = connection.pipeline(transaction=False)
    for _ in range(count):
        pipe.lmove(key, pending, "LEFT", "RIGHT")
    return [item for item in pipe.execute() if item is not None]


def give_back(connection: Any, key: str, pending: str) -> None:
    """Return every pending item to the head of `key`, in their order."""
    while connection.lmove(pending, key, "RIGHT", "LEFT") is not None:
        pass
