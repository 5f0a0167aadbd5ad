"""What a script's output lines become, as Kestra's log consumer reads them
(PluginUtilsService.parseOut, DefaultLogConsumer).

A line that is exactly `::{json}::` talks to the orchestrator, as the `kestra` PyPI
library prints it: its `outputs` (a map) are merged into the task's `vars` output, its
`metrics` ({name, type, value, tags}) recorded on the taskrun, and its `logs` ({level,
message}) logged at their level. A line whose JSON cannot be read is logged at WARN
("Invalid outputs"), as Kestra does. Any other line is a log: INFO from stdout, ERROR
from stderr (Kestra since 0.20.7, kestra-io/kestra#6383).

Log lines are kept and handed out in batches (`take_logs`): the caller writes them with
one INSERT, never one per line."""
from __future__ import annotations

import json
import re
from collections import deque
from datetime import UTC, datetime
from typing import Any

from .context import TaskFailed
from .durations import parse_duration
from .log_levels import LOG_LEVELS

OUTPUT_LINE = re.compile(r"^::(\{.*})::$", re.DOTALL)
# Kestra's metric types a taskrun keeps; the kestra library 2.0 also prints "gauge".
METRIC_TYPES = ("counter", "timer")
# Characters of one stderr line kept for a failure's message (the log has it whole).
TAIL_LINE_CHARS = 2000


class LineConsumer:
    """Reads a script's lines one by one; keeps its outputs, line counts, the last
    lines of its stderr (for the failure message) and the log lines not yet written."""

    def __init__(self, ctx: Any, stderr_tail_lines: int = 20):
        self.ctx = ctx
        self.outputs: dict[str, Any] = {}
        self.stdout_count = 0
        self.stderr_count = 0
        self.stderr_tail: deque[str] = deque(maxlen=max(0, stderr_tail_lines))
        self.pending: list[tuple[str, str, datetime]] = []

    def accept(self, line: str, stderr: bool) -> None:
        if stderr:
            self.stderr_count += 1
        else:
            self.stdout_count += 1
        found = OUTPUT_LINE.match(line)
        if found is None:
            self._log("ERROR" if stderr else "INFO", line)
            if stderr:
                self.stderr_tail.append(line[:TAIL_LINE_CHARS])
            return
        try:
            command = json.loads(found.group(1))
        except ValueError as exc:
            self._log("WARN", f"Invalid outputs '{exc}'")
            return
        if not isinstance(command, dict):
            self._log("WARN", f"Invalid outputs '{found.group(1)}'")
            return
        self._outputs(command.get("outputs"), found.group(1))
        self._metrics(command.get("metrics"), found.group(1))
        self._logs(command.get("logs"), found.group(1), stderr)

    def take_logs(self) -> list[tuple[str, str, datetime]]:
        """The log lines kept so far, to be written together; kept no longer."""
        taken, self.pending = self.pending, []
        return taken

    def _log(self, level: str, message: str) -> None:
        self.pending.append((level, message, datetime.now(UTC)))

    def _outputs(self, outputs: Any, raw: str) -> None:
        if outputs is None:
            return
        if not isinstance(outputs, dict):
            self._log("WARN", f"Invalid outputs '{raw}': outputs must be a map")
            return
        self.outputs.update(outputs)

    def _metrics(self, metrics: Any, raw: str) -> None:
        if metrics is None:
            return
        if not isinstance(metrics, list):
            self._log("WARN", f"Invalid outputs '{raw}': metrics must be a list")
            return
        for metric in metrics:
            problem = self._metric(metric)
            if problem:
                self._log("WARN", f"Invalid metric '{json.dumps(metric)}': {problem}")

    def _metric(self, metric: Any) -> str | None:
        """Record one metric; what is wrong with it, if anything."""
        if not isinstance(metric, dict) or not isinstance(metric.get("name"), str):
            return "a metric is a map with a name, a type and a value"
        kind, value = metric.get("type"), metric.get("value")
        if kind not in METRIC_TYPES:
            return f"unknown type {kind!r} (counter or timer)"
        tags = metric.get("tags") or {}
        if not isinstance(tags, dict):
            return "tags must be a map"
        try:
            amount = _timer_seconds(value) if kind == "timer" else _count(value)
        except (TypeError, ValueError) as exc:
            return f"invalid value: {exc}"
        try:
            self.ctx.metric(kind, metric["name"], amount, tags)
        except TaskFailed as refused:
            return str(refused)
        return None

    def _logs(self, logs: Any, raw: str, stderr: bool) -> None:
        if logs is None:
            return
        if not isinstance(logs, list):
            self._log("WARN", f"Invalid outputs '{raw}': logs must be a list")
            return
        for entry in logs:
            level = entry.get("level") if isinstance(entry, dict) else None
            if level not in LOG_LEVELS:  # Kestra's (slf4j's) only: another makes the line invalid
                self._log("WARN", f"Invalid log '{raw}'")
                continue
            message = str(entry.get("message"))
            self._log(level, message)
            if stderr:
                self.stderr_tail.append(message[:TAIL_LINE_CHARS])


def _count(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"a number, not {value!r}")
    return float(value)


def _timer_seconds(value: Any) -> float:
    """A Timer's value is a Duration: Kestra reads a number as seconds, a string as
    ISO-8601 (PT1.5S)."""
    if isinstance(value, bool):
        raise ValueError("a duration, not a boolean")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return parse_duration(value).total_seconds()
    raise ValueError(f"a duration in seconds or ISO-8601, not {value!r}")
