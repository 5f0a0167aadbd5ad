"""Durations for tasks and the engine. Parsing and Java's printing live in
expressions/java_duration.py (the lowest layer, so expressions, the flow spec, the
engine and plugins read a duration one way); this adds what only runs need."""
from datetime import UTC, datetime, timedelta

from expressions.java_duration import DurationError, java_duration, parse_duration, parse_java_duration

__all__ = ["DurationError", "after", "format_duration", "format_hms", "parse_duration", "parse_java_duration"]


def format_duration(delta: timedelta) -> str:
    """Java Duration.toString() style (PT1M30.5S), as Kestra prints durations."""
    return java_duration(delta)


def after(moment: datetime, delta: timedelta) -> datetime:
    """`moment + delta`, held a day inside what a datetime can hold (so that moving it to
    any time zone still works): Java's Instant reaches a billion years, where a Pause of
    P999999999D means "never" as well."""
    try:
        return moment + delta
    except OverflowError:
        bound = datetime.max - timedelta(days=1) if delta > timedelta(0) else datetime.min + timedelta(days=1)
        return bound.replace(tzinfo=UTC) if moment.tzinfo is not None else bound


def format_hms(delta: timedelta) -> str:
    """HH:mm:ss.SSS, as Kestra prints a timeout in "Timeout after 00:00:00.500"
    (Apache's DurationFormatUtils.formatDurationHMS: hours are not wrapped at 24)."""
    millis = int(round(delta.total_seconds() * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
