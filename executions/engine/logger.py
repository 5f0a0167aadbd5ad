"""Task and execution logs, written to LogEntry as they happen, with secrets masked.

Every log line of an execution, and every error message that becomes one, is written
here: masking here covers them all (see masking.py)."""
from __future__ import annotations

import logging

from django.utils import timezone

from executions.models import LogEntry

from .masking import mask

LEVELS = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR")
_python_logger = logging.getLogger("kestraweb.executions")


class ExecutionLogger:
    """Writes the logs of one execution (optionally of one taskrun attempt)."""

    def __init__(self, execution, taskrun=None, attempt_number=None, min_level="TRACE"):
        self.execution = execution
        self.taskrun = taskrun
        self.attempt_number = attempt_number
        self.min_index = LEVELS.index(min_level) if min_level in LEVELS else 0

    def log(self, level: str, message) -> None:
        if LEVELS.index(level) < self.min_index:
            return
        message = mask(self.execution, str(message))
        ex, tr = self.execution, self.taskrun
        LogEntry.objects.create(
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
        _python_logger.debug("%s %s %s", ex.id, level, message)

    def trace(self, message):
        self.log("TRACE", message)

    def debug(self, message):
        self.log("DEBUG", message)

    def info(self, message):
        self.log("INFO", message)

    def warn(self, message):
        self.log("WARN", message)

    warning = warn

    def error(self, message):
        self.log("ERROR", message)
