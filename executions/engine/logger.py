"""Task and execution logs, written to LogEntry, with secrets masked.

Every log line of an execution, and every error message that becomes one, is written
here: masking here covers them all (see masking.py).

Outside an executor transaction (a worker running a task) a line is written as it
happens, so a long task's logs show while it runs. Inside one (`batched_logs`), the
lines are kept and inserted together just before the transaction commits: they commit
with the taskrun states they explain, never after them, so a process that dies after
a task ended has either both or neither."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.db import connections, router, transaction
from django.utils import timezone

from executions.models import LogEntry
from flows.spec.storable import storable_text  # a script's NUL or lone surrogate: U+FFFD, not a failed batch
from plugins.api.log_levels import LOG_LEVELS

from .masking import mask

LEVELS = LOG_LEVELS
_python_logger = logging.getLogger("kestraweb.executions")
_current = threading.local()


class LogBatch:
    """Log lines kept for one bulk insert. A line logged after the batch was written (by
    a task thread that outlived its timeout) is written at once instead."""

    def __init__(self):
        self.entries: list[LogEntry] = []
        self.open = True

    def add(self, entry: LogEntry):
        if self.open:
            self.entries.append(entry)
        else:
            entry.save(force_insert=True)

    def write(self):
        """Insert what was kept; later lines are written one by one."""
        entries, self.entries = self.entries, []
        if entries:
            LogEntry.objects.bulk_create(entries)


def current_batch() -> LogBatch | None:
    return getattr(_current, "batch", None)


@contextmanager
def batched_logs():
    """Keep this thread's log lines and write them when the block ends without an error;
    an error drops them with the transaction they belong to."""
    batch = _current.batch = LogBatch()
    try:
        yield batch
        batch.write()
    finally:
        _current.batch = None
        batch.open = False


@contextmanager
def logging_into(batch: LogBatch | None):
    """Have this thread (one a task runs on for its timeout) log into its executor's batch."""
    previous, _current.batch = current_batch(), batch
    try:
        yield
    finally:
        _current.batch = previous


def flush_logs() -> None:
    """Write the lines kept so far (before reading the logs back, as errorLogs() does)."""
    batch = current_batch()
    if batch is not None:
        batch.write()


class ExecutionLogger:
    """Writes the logs of one execution (optionally of one taskrun attempt)."""

    def __init__(self, execution: Any, taskrun: Any = None, attempt_number: int | None = None,
                 min_level: str = "TRACE") -> None:
        self.execution = execution
        self.taskrun = taskrun
        self.attempt_number = attempt_number
        self.min_index = LEVELS.index(min_level) if min_level in LEVELS else 0

    def _entry(self, level: str, message: object, timestamp: datetime) -> LogEntry:
        ex, tr = self.execution, self.taskrun
        return LogEntry(
            execution_id=ex.id,
            taskrun_id=tr.id if tr else None,
            task_id=tr.task_id if tr else None,
            attempt_number=self.attempt_number,
            namespace=ex.namespace,
            flow_id=ex.flow_id,
            level=level,
            timestamp=timestamp,
            message=storable_text(mask(ex, str(message))),
        )

    def log(self, level: str, message: object) -> None:
        if LEVELS.index(level) < self.min_index:
            return
        entry = self._entry(level, message, timezone.now())
        batch = current_batch()
        if batch is not None:
            batch.add(entry)
        else:
            entry.save(force_insert=True)
        _python_logger.debug("%s %s %s", self.execution.id, level, entry.message)

    def lines(self, lines: Iterable[tuple[str, str, datetime]]) -> None:
        """Log many lines, each (level, message, when it was seen), with one INSERT: a
        script's output comes by the thousand, and a write per line would cost more
        than the script (plugins.api.process batches them)."""
        kept = [(level, message, when) for level, message, when in lines if LEVELS.index(level) >= self.min_index]
        if not kept:
            return
        batch = current_batch()
        if batch is not None:
            for level, message, when in kept:
                batch.add(self._entry(level, message, when))
            return
        ex, tr = self.execution, self.taskrun
        same = (ex.id, tr.id if tr else None, tr.task_id if tr else None, self.attempt_number, ex.namespace,
                ex.flow_id)
        insert_many([(*same, level, when, storable_text(mask(ex, str(message)))) for level, message, when in kept])

    def trace(self, message: object) -> None:
        self.log("TRACE", message)

    def debug(self, message: object) -> None:
        self.log("DEBUG", message)

    def info(self, message: object) -> None:
        self.log("INFO", message)

    def warn(self, message: object) -> None:
        self.log("WARN", message)

    warning = warn

    def error(self, message: object) -> None:
        self.log("ERROR", message)


# The columns insert_many fills, in the order of its rows.
BULK_COLUMNS = ("execution_id", "taskrun_id", "task_id", "attempt_number", "namespace", "flow_id", "level",
                "timestamp", "message")


def insert_many(rows: list[tuple[object, ...]]) -> None:
    """One INSERT statement run for every row (executemany), rows in BULK_COLUMNS'
    order. The ORM's bulk_create makes a model and the SQL of each row in Python (and on
    SQLite only 99 rows a statement): several times slower for a script's hundred
    thousand lines."""
    db = router.db_for_write(LogEntry)
    connection = connections[db]
    quote, adapt = connection.ops.quote_name, connection.ops.adapt_datetimefield_value
    columns = ", ".join(quote(LogEntry._meta.get_field(name).column) for name in BULK_COLUMNS)
    sql = (f"INSERT INTO {quote(LogEntry._meta.db_table)} ({columns}) "
           f"VALUES ({', '.join(['%s'] * len(BULK_COLUMNS))})")
    at = BULK_COLUMNS.index("timestamp")
    prepared = [(*row[:at], adapt(row[at]), *row[at + 1:]) for row in rows]
    with transaction.atomic(using=db, savepoint=False), connection.cursor() as cursor:
        cursor.executemany(sql, prepared)
