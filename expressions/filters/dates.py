"""Date filters: date (Java patterns and named formats), dateAdd, timestamps."""
from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

from .java_dates import format_java

NAMED = {
    "iso": "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
    "iso_sec": "yyyy-MM-dd'T'HH:mm:ssXXX",
    "iso_milli": "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    "iso_date_time": "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
    "iso_date": "yyyy-MM-dd",
    "iso_time": "HH:mm:ss",
    "iso_local_date": "yyyy-MM-dd",
    "iso_local_time": "HH:mm:ss",
    "iso_local_date_time": "yyyy-MM-dd'T'HH:mm:ss",
    "sql": "yyyy-MM-dd HH:mm:ss.SSSSSS",
    "sql_seconds": "yyyy-MM-dd HH:mm:ss",
    "sql_milli": "yyyy-MM-dd HH:mm:ss.SSS",
}
UNITS = {
    "NANOS": lambda n: timedelta(microseconds=n / 1000), "MICROS": lambda n: timedelta(microseconds=n),
    "MILLIS": lambda n: timedelta(milliseconds=n), "SECONDS": lambda n: timedelta(seconds=n),
    "MINUTES": lambda n: timedelta(minutes=n), "HOURS": lambda n: timedelta(hours=n),
    "HALF_DAYS": lambda n: timedelta(hours=12 * n), "DAYS": lambda n: timedelta(days=n),
    "WEEKS": lambda n: timedelta(weeks=n), "MONTHS": lambda n: relativedelta(months=n),
    "YEARS": lambda n: relativedelta(years=n), "DECADES": lambda n: relativedelta(years=10 * n),
}


def server_zone():
    name = os.environ.get("TZ")
    try:
        return ZoneInfo(name) if name else datetime.now().astimezone().tzinfo
    except (KeyError, ValueError):
        return timezone.utc


def zone(name=None):
    return ZoneInfo(name) if name else server_zone()


def to_datetime(value, existing_format=None, time_zone=None) -> datetime:
    """A datetime from a datetime, date, ISO string or epoch seconds, in the given zone."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        dt = datetime.fromtimestamp(value, tz=timezone.utc)
    else:
        text = str(value).strip()
        if text.lstrip("-").isdigit():
            dt = datetime.fromtimestamp(int(text), tz=timezone.utc)
        else:
            try:
                dt = date_parser.isoparse(text)
            except ValueError:
                dt = date_parser.parse(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=zone(time_zone))
    return dt.astimezone(zone(time_zone))


def date_filter(value, format=None, existingFormat=None, timeZone=None, locale=None):
    dt = to_datetime(value, existingFormat, timeZone)
    if not format:
        return dt
    return format_java(dt, NAMED.get(format, format))


def date_add(value, amount, unit, format=None, existingFormat=None, timeZone=None):
    dt = to_datetime(value, existingFormat, timeZone) + UNITS[str(unit).upper()](int(amount))
    return format_java(dt, NAMED.get(format, format)) if format else dt


def timestamp(value, existingFormat=None, timeZone=None):
    return int(to_datetime(value, existingFormat, timeZone).timestamp())


def timestamp_milli(value, existingFormat=None, timeZone=None):
    return int(to_datetime(value, existingFormat, timeZone).timestamp() * 1000)


def timestamp_micro(value, existingFormat=None, timeZone=None):
    dt = to_datetime(value, existingFormat, timeZone)
    return int(dt.timestamp()) * 1_000_000 + dt.microsecond


def timestamp_nano(value, existingFormat=None, timeZone=None):
    return timestamp_micro(value, existingFormat, timeZone) * 1000


FILTERS = {
    "date": date_filter, "dateAdd": date_add, "timestamp": timestamp, "timestampMilli": timestamp_milli,
    "timestampMicro": timestamp_micro, "timestampNano": timestamp_nano,
}
