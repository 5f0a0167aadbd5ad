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
from contextlib import contextmanager

from django.utils import timezone

from executions.models import LogEntry
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


def flush_logs():
    """Write the lines kept so far (before reading the logs back, as errorLogs() does)."""
    batch = current_batch()
    if batch is not None:
        batch.write()


class ExecutionLogger:
    """Writes the logs of one execution (optionally of one taskrun attempt)."""

    def __init__(self, execution, taskrun=None, attempt_number=None, min_level="TRACE"):
        self.execution = execution
        self.taskrun = taskrun
        self.attempt_number = attempt_number
        self.min_index = LEVELS.index(min_level) if min_level in LEVELS else 0

    def log(self, level: str, message: object) -> None:
        if LEVELS.index(level) < self.min_index:
            return
        message = mask(self.execution, str(message))
        ex, tr = self.execution, self.taskrun
        entry = LogEntry(
            execution_id=ex.id,
            taskrun_id=tr.id if tr else None,
            task_id=tr.task_id if tr else None,
            attempt_number=self.attempt_number,
            namespace=ex.namespace,
            flow_id=ex.flow_id,
            level=level,
            timestamp=timezone.now(),
            message=message,
        )
        batch = current_batch()
        if batch is not None:
            batch.add(entry)
        else:
            entry.save(force_insert=True)
        _python_logger.debug("%s %s %s", ex.id, level, message)

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
