"""Reading a date string with a Java DateTimeFormatter pattern (the `existingFormat`
argument of the date filters): the pattern becomes a regular expression with one group
per field, then the fields make a datetime (with its offset when the pattern has one)."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from ..errors import ExpressionError
from .java_format import DAYS, MONTHS, compile_pattern
from .zones import zone

_MONTH_NAMES = "|".join(MONTHS + [m[:3] for m in MONTHS])
_DAY_NAMES = "|".join(DAYS + [d[:3] for d in DAYS])
_OFFSET = r"Z|[+-]\d{2}(?::?\d{2})?"


def _field_regex(letter: str, count: int, index: int) -> str:
    name = f"{letter}{index}"
    if letter in "yuY":
        return rf"(?P<{name}>[+-]?\d{{2}})" if count == 2 else rf"(?P<{name}>[+-]?\d{{{max(count, 1)},9}})"
    if letter in "ML":
        return rf"(?P<{name}>{_MONTH_NAMES})" if count >= 3 else rf"(?P<{name}>\d{{1,2}})"
    if letter in "dHhKkmsDwWFe":
        return rf"(?P<{name}>\d{{1,{3 if letter == 'D' else 2}}})"
    if letter == "S":
        return rf"(?P<{name}>\d{{{count}}})"
    if letter == "n":
        return rf"(?P<{name}>\d{{1,9}})"
    if letter == "a":
        return rf"(?P<{name}>AM|PM|am|pm)"
    if letter in "Ec":
        return rf"(?:{_DAY_NAMES})"
    if letter in "XxZ":
        return rf"(?P<{name}>{_OFFSET}|GMT(?:[+-]\d{{1,2}}(?::\d{{2}})?)?)"
    if letter in "VzvO":
        return rf"(?P<{name}>[A-Za-z_/+\-:0-9]+)"
    if letter == "G":
        return r"(?:AD|BC|Anno Domini)"
    raise ExpressionError(f"Unsupported pattern letter '{letter}' for parsing")


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> tuple[re.Pattern, tuple]:
    regex, fields = [], []
    for index, part in enumerate(compile_pattern(pattern)):
        if isinstance(part, str):
            regex.append(re.escape(part))
        else:
            letter, count = part
            regex.append(_field_regex(letter, count, index))
            fields.append((f"{letter}{index}", letter, count))
    return re.compile("".join(regex), re.IGNORECASE), tuple(fields)


def parse_java(text: str, pattern: str):
    """(datetime without tzinfo or with the parsed offset, has_time)."""
    regex, fields = _compiled(pattern)
    match = regex.fullmatch(text.strip())
    if match is None:
        raise ExpressionError(f"Text '{text}' could not be parsed with the date format '{pattern}'")
    values = {"year": 1970, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0, "micro": 0}
    pm, tz, has_time = None, None, False
    for group, letter, count in fields:
        raw = match.group(group)
        if raw is None:
            continue
        if letter in "yuY":
            year = int(raw)
            values["year"] = 2000 + year if count == 2 else year
        elif letter in "ML":
            values["month"] = int(raw) if raw.isdigit() else _month_number(raw)
        elif letter == "d":
            values["day"] = int(raw)
        elif letter in "Hk":
            values["hour"], has_time = int(raw) % 24, True
        elif letter in "hK":
            values["hour"], has_time = int(raw) % 12, True
        elif letter == "m":
            values["minute"], has_time = int(raw), True
        elif letter == "s":
            values["second"] = int(raw)
        elif letter == "S":
            values["micro"] = int(raw.ljust(6, "0")[:6])
        elif letter == "n":
            values["micro"] = int(raw) // 1000
        elif letter == "a":
            pm = raw.upper() == "PM"
        elif letter in "XxZO":
            tz = _offset_zone(raw)
        elif letter in "Vzv":
            tz = zone(raw)
        elif letter == "D":
            values["month"], values["day"] = 1, 1
            values["day_of_year"] = int(raw)
    if pm is not None:
        values["hour"] = values["hour"] % 12 + (12 if pm else 0)
    try:
        dt = datetime(values["year"], values["month"], values["day"], values["hour"], values["minute"],
                      values["second"], values["micro"])
    except ValueError as exc:
        raise ExpressionError(f"Text '{text}' could not be parsed: {exc}") from None
    if "day_of_year" in values:
        dt += timedelta(days=values["day_of_year"] - 1)
    return (dt.replace(tzinfo=tz) if tz else dt), has_time


def _month_number(name: str) -> int:
    lowered = name.lower()
    return next(i + 1 for i, month in enumerate(MONTHS) if month.lower().startswith(lowered[:3]))


def _offset_zone(raw: str):
    if raw.upper() in ("Z", "GMT"):
        return UTC
    return zone(raw[3:] if raw.upper().startswith("GMT") else raw)
