"""The page's form as the API's log search reads it: the same parameters (`minLevel`,
`namespace` as a prefix, `flowId`, `q`, `startDate`, `endDate`) through the same
filters (api.logs.views.FIELDS with api.filters.filter_q), so both search alike."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone

from api.filters import filter_q
from api.logs.views import FIELDS
from executions.models import LogEntry
from kestraweb.access import visible_namespaces_filter

RANGES = {"1h": ("Last hour", timedelta(hours=1)), "24h": ("Last 24 hours", timedelta(hours=24)),
          "7d": ("Last 7 days", timedelta(days=7)), "30d": ("Last 30 days", timedelta(days=30)),
          "all": ("Any time", None)}
DEFAULT_RANGE = "24h"
PARAMS = ("minLevel", "namespace", "flowId", "q", "startDate", "endDate")


@dataclass(frozen=True)
class SearchParams:
    """What the API's filters are handed: DRF's `request.query_params`, here built."""

    query_params: QueryDict


def search_params(chosen: dict) -> SearchParams:
    """The API's parameters for the form's values; a period preset sets `startDate`
    unless one is typed."""
    params = QueryDict(mutable=True)
    for name in PARAMS:
        if chosen.get(name):
            params[name] = chosen[name]
    period = RANGES.get(chosen.get("range") or DEFAULT_RANGE, RANGES[DEFAULT_RANGE])[1]
    if period and not params.get("startDate"):
        params["startDate"] = (timezone.now() - period).isoformat()
    return SearchParams(params)


def log_lines(user, chosen: dict):
    """The visible log lines the form keeps, newest first. Raises the API's Problem
    (naming the parameter) for a bad value."""
    rows = LogEntry.objects.filter(visible_namespaces_filter(user)).filter(filter_q(search_params(chosen), FIELDS))
    return rows.order_by("-timestamp", "-id")
