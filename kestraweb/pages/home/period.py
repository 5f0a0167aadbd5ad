"""The dashboard's date range: a preset (the last 24 hours, 7 or 30 days) or a custom
range of days, read from the query string; a bad one is a named error the page shows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

PRESETS = {"24h": ("Last 24 hours", timedelta(hours=24)), "7d": ("Last 7 days", timedelta(days=7)),
           "30d": ("Last 30 days", timedelta(days=30))}
DEFAULT = "30d"  # as Kestra's API stats default (api.stats)
CUSTOM = "custom"


class BadPeriod(Exception):
    """A range the page cannot use: names the parameter and why."""


@dataclass(frozen=True)
class Period:
    key: str  # a PRESETS key or CUSTOM
    start: datetime
    end: datetime


def _day(params, name: str) -> date:
    raw = params.get(name) or ""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadPeriod(f"{name}: {raw!r} is not a date (YYYY-MM-DD)") from None


def period_from(params) -> Period:
    """`range=24h|7d|30d` up to now, or `range=custom&start=YYYY-MM-DD&end=YYYY-MM-DD`
    (whole days in the server's time zone, both included)."""
    key = params.get("range") or DEFAULT
    now = timezone.now()
    if key in PRESETS:
        return Period(key, now - PRESETS[key][1], now)
    if key != CUSTOM:
        raise BadPeriod(f"range: {key!r} is not one of {', '.join([*PRESETS, CUSTOM])}")
    first, last = _day(params, "start"), _day(params, "end")
    if first > last:
        raise BadPeriod("start: must not be after end")
    if (last - first).days > settings.API_STATS_MAX_DAYS:
        raise BadPeriod(f"start: the range may span at most {settings.API_STATS_MAX_DAYS} days "
                        "(KESTRAWEB_API_STATS_MAX_DAYS)")
    zone = timezone.get_current_timezone()
    return Period(CUSTOM, datetime.combine(first, time.min, zone), datetime.combine(last, time.max, zone))
