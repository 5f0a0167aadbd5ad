"""The input types of time: DATE, DATETIME, TIME and DURATION, parsed as java.time
parses them and kept as Kestra prints them (`2024-01-31`, `2024-01-31T10:00:00Z` in UTC,
`10:30:00`, `PT48H`), with their `after`/`before` and `min`/`max` bounds."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from expressions import java_duration
from plugins.api.durations import format_duration
from plugins.api.instants import NotAnInstant, format_instant, parse_instant

from .input_values import BadValue, ConstraintFailed, as_text, shown

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?")

def _date_value(value) -> date:
    if isinstance(value, datetime):
        raise BadValue(f"{shown(str(value))} is not a DATE (ISO-8601 like 2024-01-31)")
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else None
    try:
        if text is None or not DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise BadValue(f"{shown(value)} is not a DATE (ISO-8601 like 2024-01-31)") from None


def _date(value, decl):
    parsed = _date_value(value)
    _in_range(parsed, decl, _date_value)
    return parsed.isoformat()


def _datetime_value(value) -> datetime:
    try:
        return parse_instant(value)
    except NotAnInstant:
        raise BadValue(f"{shown(value)} is not a DATETIME (ISO-8601 like 2024-01-31T10:00:00Z)") from None


def _datetime(value, decl):
    parsed = _datetime_value(value)
    _in_range(parsed, decl, _datetime_value)
    return format_instant(parsed)


def _time_value(value) -> time:
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    text = value.strip() if isinstance(value, str) else ""
    found = TIME.fullmatch(text)
    try:
        if not found:
            raise ValueError(text)
        hours, minutes, seconds, fraction = found.groups()
        micro = int((fraction or "0").ljust(6, "0")[:6])
        return time(int(hours), int(minutes), int(seconds or 0), micro)
    except ValueError:
        raise BadValue(f"{shown(value)} is not a TIME (ISO-8601 like 10:30:00)") from None


def format_time(moment: time) -> str:
    text = moment.strftime("%H:%M:%S")
    if moment.microsecond:
        text += "." + f"{moment.microsecond:06d}".rstrip("0")
    return text


def _time(value, decl):
    parsed = _time_value(value)
    _in_range(parsed, decl, _time_value)
    return format_time(parsed)


def _in_range(parsed, decl, parse) -> None:
    """Kestra's DateInput/DateTimeInput/TimeInput#validate: the bound itself is allowed,
    and printed as java.time prints it (`2024-01-01`, `2024-01-01T00:00:00Z`, `01:00`)."""
    for key, wrong in (("after", lambda bound: parsed < bound), ("before", lambda bound: parsed > bound)):
        if decl.get(key) is None:
            continue
        try:
            bound = parse(decl[key])
        except BadValue:
            continue  # the declaration's own check reports it
        if wrong(bound):
            raise ConstraintFailed(f"it must be {key} `{java_time_text(bound)}`")


def java_time_text(value) -> str:
    """java.time's toString: LocalTime drops zero seconds (`01:00`), Instant is in UTC."""
    if isinstance(value, time) and not value.second and not value.microsecond:
        return value.strftime("%H:%M")
    return value_text(value)


def value_text(value) -> str:
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return format_duration(value)
    return as_text(value)


def parse_java_duration(value) -> timedelta:
    """A DURATION input, read by java.time.Duration.parse as Kestra reads it."""
    try:
        return java_duration.parse_java_duration(value)
    except java_duration.DurationError as exc:
        raise BadValue(f"{shown(value)} is not a DURATION: {exc}") from None


def _duration(value, decl):
    parsed = parse_java_duration(value)
    # Kestra's DurationInput#validate, capital `It` included.
    for key, wrong, word in (("min", lambda b: parsed < b, "It must be more than"),
                             ("max", lambda b: parsed > b, "It must be less than")):
        if decl.get(key) is None:
            continue
        try:
            bound = parse_java_duration(decl[key])
        except BadValue:
            continue
        if wrong(bound):
            raise ConstraintFailed(f"{word} `{format_duration(bound)}`")
    return format_duration(parsed)


TEMPORAL_PARSERS = {"DATE": _date, "DATETIME": _datetime, "TIME": _time, "DURATION": _duration}
