"""Kestra's metric aggregation over time (AbstractJdbcMetricRepository#aggregateByFlowId):
one value of a flow's (or task's) metric per period between two dates, periods sized by
the range (DateUtils#groupByType), empty periods filled with 0."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Avg, Max, Min, QuerySet, Sum
from django.db.models.functions import TruncDay, TruncHour, TruncMinute, TruncMonth, TruncWeek

AGGREGATIONS = {"sum": Sum, "avg": Avg, "min": Min, "max": Max}


class RangeTooLong(Exception):
    """More periods than KESTRAWEB_METRIC_MAX_PERIODS between the two dates."""


@dataclass(frozen=True)
class Period:
    name: str  # Kestra's groupBy value
    trunc: type
    step: timedelta | None  # None: a calendar month


MONTH = Period("month", TruncMonth, None)
WEEK = Period("week", TruncWeek, timedelta(weeks=1))
DAY = Period("day", TruncDay, timedelta(days=1))
HOUR = Period("hour", TruncHour, timedelta(hours=1))
MINUTE = Period("minute", TruncMinute, timedelta(minutes=1))


def period_of(start: datetime, end: datetime) -> Period:
    """DateUtils#groupByType: more than 365 days by month, 180 by week, 1 by day,
    6 hours by hour, else by minute (whole days and hours, as Java's Duration counts)."""
    span = end - start
    days, hours = span.days, int(span.total_seconds() // 3600)
    if days > 365:
        return MONTH
    if days > 180:
        return WEEK
    if days > 1:
        return DAY
    if hours > 6:
        return HOUR
    return MINUTE


def _truncate(moment: datetime, period: Period) -> datetime:
    moment = moment.astimezone(UTC)
    if period is MONTH:
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    base = moment.replace(second=0, microsecond=0)
    if period is MINUTE:
        return base
    base = base.replace(minute=0)
    if period is HOUR:
        return base
    base = base.replace(hour=0)
    return base - timedelta(days=base.weekday()) if period is WEEK else base


def _next(moment: datetime, period: Period) -> datetime:
    if period.step is not None:
        return moment + period.step
    return moment.replace(year=moment.year + moment.month // 12, month=moment.month % 12 + 1)


def periods(start: datetime, end: datetime, period: Period, limit: int) -> list[datetime]:
    """The start of every period that holds a moment of [start, end)."""
    out: list[datetime] = []
    current = _truncate(start, period)
    while current < end:
        if len(out) >= limit:
            raise RangeTooLong(f"more than {limit} {period.name}s between the dates")
        out.append(current)
        current = _next(current, period)
    return out


def aggregate(rows: QuerySet, name: str, start: datetime, end: datetime, aggregation: str, limit: int) -> dict:
    """Kestra's MetricAggregations `{groupBy, aggregations: [{name, value, date}]}` of the
    metric rows (already narrowed to the flow/task and the metric) between the dates."""
    period = period_of(start, end)
    buckets = periods(start, end, period, limit)
    values = {
        bucket.astimezone(UTC): value for bucket, value in
        rows.filter(timestamp__gte=start, timestamp__lte=end)
        .annotate(bucket=period.trunc("timestamp", tzinfo=UTC)).order_by()
        .values("bucket").annotate(result=AGGREGATIONS[aggregation]("value")).values_list("bucket", "result")
    }
    return {"groupBy": period.name,
            "aggregations": [{"name": name, "value": float(values.get(bucket) or 0.0),
                              "date": bucket.isoformat().replace("+00:00", "Z")} for bucket in buckets]}
