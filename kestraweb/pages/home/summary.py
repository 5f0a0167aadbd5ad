"""What the dashboard shows, from one count per day and state read from an index
(executions.daily_stats.daily_counts, beside the API's stats routes' daily), or per
hour for a day or less (daily by HOUR), and one indexed query for the latest failures."""
from __future__ import annotations

from datetime import timedelta

from django.db.models import Q

from executions.daily_stats import DAY, HOUR, STATES, daily, daily_counts
from executions.models import Execution
from kestraweb.access import namespace_children, visible_namespaces_filter

LATEST_FAILURES = 10


def executions_of(user, namespace: str):
    """The executions the user may see, in `namespace` and its children when given."""
    rows = Execution.objects.filter(deleted=False).filter(visible_namespaces_filter(user))
    if namespace:
        rows = rows.filter(Q(namespace=namespace) | namespace_children("namespace", namespace))
    return rows


def grain_of(start, end) -> str:
    """Hours for a day or less (the 24-hour preset, a one-day custom range), as Kestra
    groups them; days beyond, where 24 bars a day would be too thin to read."""
    return HOUR if end - start <= timedelta(days=1) else DAY


def _label(entry: dict) -> str:
    # an hour's startDate is a local ISO date-time: "2026-12-01T14:00:00+01:00" reads "12-01 14:00"
    return entry["startDate"][5:16].replace("T", " ") if entry["groupBy"] == HOUR else entry["startDate"]


def chart_data(days: list[dict]) -> dict:
    """Chart.js's shape: a label per day (or hour) and a dataset per state that occurs."""
    present = [state for state in STATES if any(day["executionCounts"].get(state) for day in days)]
    return {"labels": [_label(day) for day in days], "by": days[0]["groupBy"] if days else DAY,
            "datasets": [{"state": state, "data": [day["executionCounts"].get(state, 0) for day in days]}
                         for state in present]}


def dashboard(user, namespace: str, start, end) -> dict:
    rows = executions_of(user, namespace)
    # a day or less counts its few rows per hour in one query; longer ranges per day from the index
    days = daily(rows, start, end, HOUR) if grain_of(start, end) == HOUR else daily_counts(rows, start, end)
    counts = {state: sum(day["executionCounts"].get(state, 0) for day in days) for state in STATES}
    total = sum(counts.values())
    failures = (rows.filter(state="FAILED", start_date__gte=start, start_date__lte=end)
                .only("id", "namespace", "flow_id", "state", "start_date", "end_date")
                .order_by("-start_date")[:LATEST_FAILURES])
    return {"chart": chart_data(days), "counts": {s: n for s, n in counts.items() if n}, "total": total,
            "success_ratio": round(100 * counts["SUCCESS"] / total, 1) if total else None,
            "failures": [(execution, _took(execution)) for execution in failures]}


def _took(execution):
    if execution.start_date and execution.end_date:
        return execution.end_date - execution.start_date
    return None
