"""ISO-8601 durations (PT5M, PT0.5S, P1D) as Kestra writes them."""
from datetime import timedelta

import isodate


class DurationError(ValueError):
    pass


def parse_duration(value) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, (int, float)):
        return timedelta(seconds=value)
    try:
        parsed = isodate.parse_duration(str(value).strip())
    except (isodate.ISO8601Error, ValueError) as exc:
        raise DurationError(f"invalid duration {value!r}: expected ISO-8601 like PT5M") from exc
    if not isinstance(parsed, timedelta):  # years/months: approximate as Kestra's Duration cannot hold them
        parsed = parsed.totimedelta(start=__import__("datetime").datetime(2000, 1, 1))
    return parsed


def format_duration(delta: timedelta) -> str:
    """Java Duration.toString() style (PT1M30.5S), as expressions print durations."""
    from expressions.output import java_duration

    return java_duration(delta)


def format_hms(delta: timedelta) -> str:
    """HH:mm:ss.SSS, as Kestra prints a timeout in "Timeout after 00:00:00.500"
    (Apache's DurationFormatUtils.formatDurationHMS: hours are not wrapped at 24)."""
    millis = int(round(delta.total_seconds() * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
