"""Executions made directly in the database, for search tests."""
from datetime import UTC, datetime, timedelta

from executions.models import Execution

BASE = datetime(2026, 1, 1, tzinfo=UTC)


def execution(id, namespace="company", flow_id="hello", state="SUCCESS", minutes=0, **fields):
    """One execution started `minutes` after BASE, ended a minute later unless RUNNING."""
    start = BASE + timedelta(minutes=minutes)
    end = None if state == "RUNNING" else start + timedelta(minutes=1)
    return Execution.objects.create(id=id, namespace=namespace, flow_id=flow_id, flow_revision=1, state=state,
                                    start_date=start, end_date=end, **fields)
