"""How long a flow's runs usually take (Kestra's ExecutionController#averageDuration,
which feeds the progress bar of a running execution): the count-weighted average
duration of the flow's executions that ended within the last
KESTRAWEB_AVERAGE_DURATION_DAYS days, whatever their final state, and how many those
are. One aggregate query; `avgDurationMs` is null when no run ended in the window."""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Avg, Count, QuerySet
from django.utils import timezone

from executions.daily_stats import Seconds
from executions.states import TERMINAL


def average_duration(executions: QuerySet, namespace: str, flow_id: str) -> dict:
    """`executions` is the caller's queryset, already narrowed to what the user may read."""
    since = timezone.now() - timedelta(days=settings.AVERAGE_DURATION_DAYS)
    found = (executions
             .filter(namespace=namespace, flow_id=flow_id, deleted=False, state__in=[s.value for s in TERMINAL],
                     end_date__isnull=False, start_date__gte=since)
             .aggregate(seconds=Avg(Seconds("start_date", "end_date")), count=Count("id")))
    seconds = found["seconds"]
    return {"avgDurationMs": None if seconds is None else round(seconds * 1000), "count": found["count"]}
