"""What the dashboard shows, from one count per day and state read from an index
(executions.daily_stats.daily_counts, beside the API's stats routes' daily) and one
indexed query for the latest failures."""
from __future__ import annotations

from django.db.models import Q

from executions.daily_stats import STATES, daily_counts
from executions.models import Execution
from kestraweb.access import namespace_children, visible_namespaces_filter

LATEST_FAILURES = 10


def executions_of(user, namespace: str):
    """The executions the user may see, in `namespace` and its children when given."""
    rows = Execution.objects.filter(deleted=False).filter(visible_namespaces_filter(user))
    if namespace:
        rows = rows.filter(Q(namespace=namespace) | namespace_children("namespace", namespace))
    return rows


def chart_data(days: list[dict]) -> dict:
    """Chart.js's shape: a label per day and a dataset per state that occurs."""
    present = [state for state in STATES if any(day["executionCounts"].get(state) for day in days)]
    return {"labels": [day["startDate"] for day in days],
            "datasets": [{"state": state, "data": [day["executionCounts"].get(state, 0) for day in days]}
                         for state in present]}


def dashboard(user, namespace: str, start, end) -> dict:
    rows = executions_of(user, namespace)
    days = daily_counts(rows, start, end)
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
