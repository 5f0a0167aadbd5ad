"""The latest execution of each of some flows (Kestra's lastExecutions, for the
dashboard's flow list): one query with a window function, on SQLite and PostgreSQL."""
from __future__ import annotations

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber


def latest_by_flow(queryset, flows: list[tuple[str, str]] | None):
    """The newest execution (by start date, then creation) of each (namespace, flow id);
    of every flow of the queryset when `flows` is None."""
    if flows is not None:
        wanted = Q()
        for namespace, flow_id in flows:
            wanted |= Q(namespace=namespace, flow_id=flow_id)
        queryset = queryset.filter(wanted) if flows else queryset.none()
    ranked = queryset.annotate(rank=Window(
        RowNumber(), partition_by=[F("namespace"), F("flow_id")],
        order_by=[F("start_date").desc(nulls_last=True), F("created").desc()]))
    return ranked.filter(rank=1).order_by("namespace", "flow_id")
