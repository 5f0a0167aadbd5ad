"""What the batch Triggers of the messaging families share (Kestra's Consume tasks
behind Redis', AMQP's, MQTT's and NATS' Trigger): when a batch is complete
(`maxRecords`, `maxDuration`), how a payload is read (`serdeType`), and the Ion file
the batch is written to, whose URI the execution gets as `trigger.uri`."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from expressions.ion import to_ion

from .durations import DurationError, parse_duration
from .plugin_type import PluginType
from .properties import Property
from .trigger_events import TriggerContext, TriggerFailed

NEEDS_A_LIMIT = "maxDuration or maxRecords must be set to avoid infinite loop"


def max_records_property(description: str = "The number of messages after which the batch ends.") -> Property:
    return Property("maxRecords", "integer", minimum=1, description=description)


def max_duration_property(description: str = "How long to wait for messages before the batch ends.") -> Property:
    return Property("maxDuration", "duration", description=description)


@dataclass
class BatchLimits:
    """When a batch ends: after `max_records` messages or `max_duration` of waiting,
    whichever comes first; neither set is an error, as Kestra's Consume tasks say."""
    max_records: int | None
    max_duration: timedelta | None
    started: float = 0.0

    @classmethod
    def of(cls, ctx: TriggerContext, plugin: PluginType) -> BatchLimits:
        records, duration = ctx.render(plugin.get("maxRecords")), ctx.render(plugin.get("maxDuration"))
        if records is None and duration is None:
            raise TriggerFailed(NEEDS_A_LIMIT)
        try:
            return cls(int(records) if records is not None else None,
                       parse_duration(duration) if duration is not None else None, time.monotonic())
        except (ValueError, DurationError) as exc:
            raise TriggerFailed(f"maxRecords or maxDuration cannot be read: {exc}") from None

    def room(self, count: int) -> int | None:
        """How many more messages the batch takes (None: no count limit)."""
        return None if self.max_records is None else max(self.max_records - count, 0)

    def remaining(self) -> float | None:
        """Seconds left before `max_duration` ends the batch (None: no time limit)."""
        if self.max_duration is None:
            return None
        return max(self.max_duration.total_seconds() - (time.monotonic() - self.started), 0.0)

    def reached(self, count: int) -> bool:
        return self.room(count) == 0 or self.remaining() == 0.0


def deserialize(payload: str | bytes | bytearray | memoryview, serde_type: str) -> Any:
    """A message's payload as Kestra's SerdeType reads it: STRING as text, JSON parsed,
    BYTES as they are."""
    kind = str(serde_type or "STRING").upper()
    if kind == "BYTES":
        return bytes(payload) if not isinstance(payload, str) else payload.encode()
    text = bytes(payload).decode("utf-8", errors="replace") if not isinstance(payload, str) else payload
    if kind == "JSON":
        try:
            return json.loads(text)
        except ValueError as exc:
            raise TriggerFailed(f"a message is not the JSON serdeType says: {exc}") from None
    return text


class BatchFile:
    """The Ion file of one batch, one message a line (Kestra's FileSerde), stored in
    the trigger's folder of the execution it starts."""

    def __init__(self, ctx: TriggerContext, name: str = "messages.ion") -> None:
        self.ctx = ctx
        self.path = Path(ctx.working_dir()) / name
        self.count = 0
        self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - open across write() calls, closed by store() or discard()

    def write(self, message: object) -> None:
        self._file.write(to_ion(message) + "\n")
        self.count += 1

    def store(self) -> str:
        self._file.close()
        return self.ctx.put_file(self.path)

    def discard(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)
