"""What the scheduler and the polling and realtime trigger types say to each other.

A polling trigger (Kestra's PollingTriggerInterface) is asked every `interval` whether
something happened: `poll(ctx)` returns one TriggerEvent, which starts one execution,
or None. A realtime trigger (RealtimeTriggerInterface) listens without end:
`listen(ctx, stop_event)` yields one TriggerEvent per message until `stop_event` is set.

An event's `variables` are what the execution gets as `trigger.*`. Messages a broker
would redeliver stay unacknowledged until the scheduler calls `ack()`, which it does
only once the execution row exists: a scheduler that dies in between leaves them to
be delivered again, never lost. `release()` hands them back at once when the
execution could not be created.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, Protocol

from .context import TaskLogger
from .durations import parse_duration
from .properties import Property
from .trigger import TriggerType


class TriggerContext(Protocol):
    """What a trigger evaluation may use; the scheduler implements it."""
    namespace: str
    flow_id: str
    trigger_id: str
    # The id the execution this evaluation may start will get (Kestra's
    # triggerExecutionId): the files of a batch are stored under it.
    execution_id: str
    logger: TaskLogger

    def render(self, value: Any) -> Any:
        """Render Pebble expressions in a value with the flow's variables and secrets."""

    def working_dir(self) -> Path:
        """A temporary folder for this evaluation."""

    def put_file(self, path: Path) -> str:
        """Store a file in the trigger's folder of execution `execution_id`
        (storage.layout.trigger_file); returns its kestra:// URI."""


class TriggerFailed(Exception):
    """An evaluation failed (bad property, broker refused...): the message says what.
    `retryable` tells whether the next evaluation may succeed as it is (a server
    down) or not before the flow changes (a property that cannot work)."""

    def __init__(self, message: str, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


@dataclass
class TriggerEvent:
    """One execution to start: its `trigger.*` variables and how to settle the messages
    it carries. `on_ack` and `on_release` run at most once in all, whichever comes first."""
    variables: dict[str, Any]
    on_ack: Callable[[], None] | None = None
    on_release: Callable[[], None] | None = None
    _settled: bool = field(default=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def ack(self) -> None:
        """The execution exists: the messages are done with."""
        self._settle(self.on_ack)

    def release(self) -> None:
        """The execution could not be created: hand the messages back for redelivery."""
        self._settle(self.on_release)

    def _settle(self, action: Callable[[], None] | None) -> None:
        with self._lock:
            if self._settled:
                return
            self._settled = True
        if action is not None:
            action()


def interval_property(default: str = "PT1M") -> Property:
    """Kestra's PollingTriggerInterface#getInterval: a plain Duration (no expression),
    each type with its own default."""
    return Property("interval", "duration", default=default, dynamic=False,
                    description="The time between two polls (ISO-8601); the remote system is asked no more often.")


class PollingTriggerType(TriggerType):
    """A trigger the scheduler polls every `interval`."""
    polling: ClassVar[bool] = True

    def interval(self) -> timedelta:
        return parse_duration(self.get("interval"))

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        raise NotImplementedError


class RealtimeTriggerType(TriggerType):
    """A trigger that listens without end, one execution per message."""
    realtime: ClassVar[bool] = True

    def listen(self, ctx: TriggerContext, stop_event: threading.Event) -> Iterator[TriggerEvent]:
        """Yield one event per message until `stop_event` is set; a broker that cannot
        be reached raises TriggerFailed(retryable=True)."""
        raise NotImplementedError
