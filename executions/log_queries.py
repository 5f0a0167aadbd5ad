"""Reading an execution's logs as Kestra's ExecutionLogService and LogRepository do:
filtered by minimum level, taskrun, task and attempt, oldest first; and the plain-text
form of a line (LogEntry.toPrettyString) that log downloads are made of."""
from __future__ import annotations

from executions.models import Execution, LogEntry
from executions.states import TERMINAL
from plugins.api.instants import format_instant
from plugins.api.log_levels import LOG_LEVELS

LEVELS = LOG_LEVELS  # slf4j's order: a minimum level keeps itself and the levels after it


class UnknownLevel(ValueError):
    """A level name that is not one of LEVELS."""


def levels_from(min_level: str | None) -> list[str]:
    """The levels at or above `min_level` (all when None), as LogEntry.findLevelsByMin."""
    if not min_level:
        return list(LEVELS)
    if min_level not in LEVELS:
        raise UnknownLevel(f"unknown level {min_level!r}; known: {', '.join(LEVELS)}")
    return list(LEVELS[LEVELS.index(min_level):])


def execution_logs(execution_id: str, min_level: str | None = None, taskrun_id: str | None = None,
                   task_id: str | None = None, attempt: int | None = None):
    """The queryset of the execution's log lines kept by the filters, in order."""
    rows = LogEntry.objects.filter(execution_id=execution_id)
    if min_level:
        rows = rows.filter(level__in=levels_from(min_level))
    if taskrun_id:
        rows = rows.filter(taskrun_id=taskrun_id)
    if task_id:
        rows = rows.filter(task_id=task_id)
    if attempt is not None:
        rows = rows.filter(attempt_number=attempt)
    return rows.order_by("timestamp", "id")


def execution_namespace(execution_id: str) -> str | None:
    """The namespace the execution's logs belong to: the execution's, else (execution
    purged, trigger logs keyed by trigger id) the first log line's; None when neither."""
    namespace = Execution.objects.filter(id=execution_id).values_list("namespace", flat=True).first()
    if namespace is None:
        namespace = LogEntry.objects.filter(execution_id=execution_id).values_list("namespace", flat=True).first()
    return namespace


def execution_is_terminal(execution_id: str) -> bool:
    """True when the execution has ended or no longer exists (nothing more will be logged)."""
    state = Execution.objects.filter(id=execution_id).values_list("state", flat=True).first()
    return state is None or state in {s.value for s in TERMINAL}


def pretty_line(entry: LogEntry) -> str:
    """`<instant> <LEVEL> <message>` with the instant as java.time.Instant prints it."""
    return f"{format_instant(entry.timestamp)} {entry.level} {entry.message}"


def log_text(rows) -> str:
    """The lines of `rows` as a log download holds them, one pretty line each."""
    return "\n".join(pretty_line(row) for row in rows.iterator(chunk_size=2000))
