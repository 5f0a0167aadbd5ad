"""java.time.Duration as Kestra reads and writes it: the one parser of durations.

Kestra reads a duration two ways, and so does this module:
- `parse_java_duration`: `Duration.parse` itself, as DURATION inputs and KV's
  `kvType: DURATION` use it: `PnDTnHnMn.nS`, letters in either case, a sign before
  the whole and before each part (`-PT6H3M`, `PT-6H+3M`), up to 9 fraction digits on
  the seconds (`PT-0.5S`), days of exactly 24 hours; no years, months or weeks.
- `parse_duration`: a task property typed Duration (retry, timeout, Sleep, Pause,
  LoopUntil, KV ttl) goes through Kestra's Jackson DurationDeserializer first: the
  text is trimmed, a number (or text of digits and dots) counts seconds, anything
  else goes to Duration.parse.

Java holds a Long of seconds; a Python timedelta holds at most 999999999 days, so a
longer duration is refused here with a DurationError naming it, never an
OverflowError."""
from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation

# java.time.Duration.PATTERN, with ASCII digits only as Java's [0-9].
_PATTERN = re.compile(r"([-+]?)P(?:([-+]?[0-9]+)D)?"
                      r"(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?",
                      re.IGNORECASE)
# Kestra's DurationDeserializer._isFloat: an optional sign, then digits and dots.
_SECONDS_TEXT = re.compile(r"[-+]?[0-9.]+")
_ONE = timedelta(microseconds=1)


class DurationError(ValueError):
    """A value that is not a duration, or one too long to hold."""


def parse_java_duration(text) -> timedelta:
    """`java.time.Duration.parse(text)`."""
    if isinstance(text, timedelta):
        return text
    if not isinstance(text, str):
        raise DurationError(f"{_shown(text)} is not a duration: expected text like PT5M, P2DT3H or PT0.5S")
    found = _PATTERN.fullmatch(text)
    if not found or found.group(3) in ("T", "t") or not any(found.group(n) for n in (2, 4, 5, 6)):
        raise DurationError(f"Text '{text}' cannot be parsed to a Duration "
                            "(java.time.Duration: PnDTnHnMn.nS, like PT5M, P2DT3H or PT0.5S)")
    negate, days, hours, minutes, seconds, fraction = found.group(1, 2, 4, 5, 6, 7)
    nanos = int((fraction or "0").ljust(9, "0"))
    if seconds and seconds.startswith("-"):
        nanos = -nanos
    total_nanos = ((int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0))
                   * 1_000_000_000 + nanos)
    return _within_range(-total_nanos if negate == "-" else total_nanos, text)


def parse_duration(value) -> timedelta:
    """A task property typed Duration, read as Kestra's DurationDeserializer reads it."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise DurationError(f"{_shown(value)} is not a duration: expected text like PT5M, P2DT3H or PT0.5S")
    if isinstance(value, str):
        text = value.strip()
        if not _SECONDS_TEXT.fullmatch(text):
            return parse_java_duration(text)
        value = text
    try:
        seconds = Decimal(str(value))
    except InvalidOperation:
        raise DurationError(f"'{value}' is not a duration: not a number of seconds") from None
    if not seconds.is_finite():
        raise DurationError(f"'{value}' is not a duration: not a finite number of seconds")
    return _within_range(int(seconds * 1_000_000_000), value)


def _within_range(nanos: int, shown) -> timedelta:
    micros = int(Decimal(nanos) / 1000)  # toward zero: a timedelta counts microseconds
    if not timedelta.min // _ONE <= micros <= timedelta.max // _ONE:
        raise DurationError(f"The duration '{shown}' is out of range: a duration here holds at most "
                            f"{timedelta.max.days} days, either sign")
    return timedelta(microseconds=micros)


def java_duration(value: timedelta) -> str:
    """Java's Duration.toString: PT1H30M, PT0.5S, PT48H, PT-0.5S."""
    micros = (value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds
    if micros == 0:
        return "PT0S"
    sign = "-" if micros < 0 else ""
    micros = abs(micros)
    hours, rest = divmod(micros, 3_600_000_000)
    minutes, rest = divmod(rest, 60_000_000)
    seconds, fraction = divmod(rest, 1_000_000)
    out = "PT"
    if hours:
        out += f"{sign}{hours}H"
    if minutes:
        out += f"{sign}{minutes}M"
    if seconds or fraction:
        out += f"{sign}{seconds}" + (f".{fraction:06d}".rstrip("0") if fraction else "") + "S"
    return out


def _shown(value) -> str:
    return f"'{value}'" if isinstance(value, str) else f"{value!r} ({type(value).__name__})"
