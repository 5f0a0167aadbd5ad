"""Rows the page tests read: executions and log lines written straight to the
database, with only what a list page shows (no engine needed to read them)."""
from __future__ import annotations

import itertools
from datetime import timedelta

from django.utils import timezone

_ids = itertools.count(1)


def execution(namespace: str, flow_id: str = "hello", state: str = "SUCCESS", started=None, seconds: float = 2):
    from executions.models import Execution

    start = started or timezone.now() - timedelta(hours=1)
    end = start + timedelta(seconds=seconds)
    return Execution.objects.create(id=f"exec{next(_ids):06d}", namespace=namespace, flow_id=flow_id,
                                    flow_revision=1, state=state, start_date=start, end_date=end,
                                    state_history=[{"state": state, "date": end.isoformat()}])


def log_line(execution, message: str, level: str = "INFO", at=None):
    from executions.models import LogEntry

    return LogEntry.objects.create(execution_id=execution.id, namespace=execution.namespace,
                                   flow_id=execution.flow_id, task_id="say", level=level, message=message,
                                   timestamp=at or timezone.now())
