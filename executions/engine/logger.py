"""Task and execution logs, written to LogEntry as they happen, with secrets masked."""
from __future__ import annotations

import logging

from django.utils import timezone

from executions.models import LogEntry

LEVELS = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR")
_python_logger = logging.getLogger("kestraweb.executions")
MASK = "******"


class ExecutionLogger:
    """Writes the logs of one execution (optionally of one taskrun attempt)."""

    def __init__(self, execution, taskrun=None, attempt_number=None, min_level="TRACE", secrets=None):
        self.execution = execution
        self.taskrun = taskrun
        self.attempt_number = attempt_number
        self.min_index = LEVELS.index(min_level) if min_level in LEVELS else 0
        self.secrets = secrets if secrets is not None else set()

    def mask(self, message: str) -> str:
        for value in self.secrets:
            if value:
                message = message.replace(value, MASK)
        return message

    def log(self, level: str, message) -> None:
        if LEVELS.index(level) < self.min_index:
            return
        message = self.mask(str(message))
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
