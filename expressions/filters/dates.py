"""Date filters, as Kestra's: `date` and `dateAdd` return text in `format` (default
`iso`), written in `timeZone` (default: the server's); `timestamp*` give epoch numbers.
Inputs are datetimes, ISO strings, dates or epoch seconds (see dates/convert.py)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dateutil.relativedelta import relativedelta

from ..dates import format_named_or_pattern, to_datetime, zone_or_server
from ..errors import ExpressionError
from ..output import java_string

_TIME_UNITS = {
    "NANOS": lambda n: timedelta(microseconds=n / 1000), "MICROS": lambda n: timedelta(microseconds=n),
    "MILLIS": lambda n: timedelta(milliseconds=n), "SECONDS": lambda n: timedelta(seconds=n),
    "MINUTES": lambda n: timedelta(minutes=n), "HOURS": lambda n: timedelta(hours=n),
    "HALF_DAYS": lambda n: timedelta(hours=12 * n),
}
_DATE_UNITS = {
    "DAYS": lambda n: relativedelta(days=n), "WEEKS": lambda n: relativedelta(weeks=n),
    "MONTHS": lambda n: relativedelta(months=n), "YEARS": lambda n: relativedelta(years=n),
    "DECADES": lambda n: relativedelta(years=10 * n), "CENTURIES": lambda n: relativedelta(years=100 * n),
    "MILLENNIA": lambda n: relativedelta(years=1000 * n),
}


def format_date(dt: datetime, format=None, timeZone=None) -> str:  # noqa: A002,N803
    target = zone_or_server(timeZone)
    return format_named_or_pattern(dt.astimezone(target), "iso" if format is None else java_string(format))


def date_filter(value, /, format=None, timeZone=None, existingFormat=None, locale=None):  # noqa: A002,N803
    if value is None:
        return None
    dt = to_datetime(value, zone_or_server(timeZone), existingFormat)
    return format_date(dt, format, timeZone)


def date_add(value, /, amount=None, unit=None, format=None, timeZone=None, existingFormat=None,  # noqa: A002,N803
             locale=None):
    """`dateAdd(-1, 'DAYS')`: calendar units keep the local time (as ZonedDateTime.plus),
    time units add exact durations."""
    if value is None:
        return None
    if amount is None or unit is None:
        raise ExpressionError("The 'dateAdd' filter expects the arguments 'amount' and 'unit'.")
    dt = to_datetime(value, zone_or_server(timeZone), existingFormat)
    return format_date(plus(dt, int(amount), java_string(unit)), format, timeZone)


def plus(dt: datetime, amount: int, unit: str) -> datetime:
    name = unit.upper()
    if name in _TIME_UNITS:
        return (dt.astimezone(UTC) + _TIME_UNITS[name](amount)).astimezone(dt.tzinfo)
    if name in _DATE_UNITS:
        local = dt.replace(tzinfo=None) + _DATE_UNITS[name](amount)
        return local.replace(tzinfo=dt.tzinfo)
    raise ExpressionError(f"Unknown unit '{unit}': use one of {', '.join([*_TIME_UNITS, *_DATE_UNITS])}")


def _aware(value, timeZone, existingFormat) -> datetime | None:  # noqa: N803
    return None if value is None else to_datetime(value, zone_or_server(timeZone), existingFormat)


def timestamp(value, /, timeZone=None, existingFormat=None):  # noqa: N803
    dt = _aware(value, timeZone, existingFormat)
    return None if dt is None else int(dt.timestamp() // 1)


def timestamp_milli(value, /, timeZone=None, existingFormat=None):  # noqa: N803
    dt = _aware(value, timeZone, existingFormat)
    return None if dt is None else _epoch_micros(dt) // 1000


def timestamp_micro(value, /, timeZone=None, existingFormat=None):  # noqa: N803
    dt = _aware(value, timeZone, existingFormat)
    return None if dt is None else _epoch_micros(dt)


def timestamp_nano(value, /, timeZone=None, existingFormat=None):  # noqa: N803
    dt = _aware(value, timeZone, existingFormat)
    return None if dt is None else _epoch_micros(dt) * 1000


def _epoch_micros(dt: datetime) -> int:
    delta = dt - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


FILTERS = {
    "date": date_filter, "dateAdd": date_add, "timestamp": timestamp, "timestampMilli": timestamp_milli,
    "timestampMicro": timestamp_micro, "timestampNano": timestamp_nano,
}
