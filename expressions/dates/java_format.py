"""Java DateTimeFormatter patterns (`yyyy-MM-dd'T'HH:mm:ss.SSSXXX`), the date format of
Kestra flows, applied to Python datetimes: letter runs are fields, '...' is quoted
text ('' a quote), other characters are literal; English (Locale.US) names."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..errors import ExpressionError
from .zones import offset_id, zone_id

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ZONE_NAMES = {"UTC": "Coordinated Universal Time", "GMT": "Greenwich Mean Time",
              "CET": "Central European Standard Time", "CEST": "Central European Summer Time",
              "EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time", "PST": "Pacific Standard Time",
              "PDT": "Pacific Daylight Time", "IST": "India Standard Time", "BST": "British Summer Time"}
_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']")
NNBSP = "\u202f"  # Java 20+ (CLDR 42) puts a narrow no-break space before AM/PM in localized styles


@lru_cache(maxsize=512)
def compile_pattern(pattern: str) -> tuple:
    """The pattern as (letter, count) fields and literal strings, parsed once."""
    parts = []
    for match in _PART.finditer(pattern):
        text = match.group()
        if text.startswith("'"):
            parts.append("'" if text == "''" else text[1:-1].replace("''", "'"))
        elif match.group(1):
            if text[0] not in _FIELDS:
                raise ExpressionError(f"Unknown pattern letter: {text[0]} in date format '{pattern}'")
            parts.append((text[0], len(text)))
        elif text in "[]":
            continue  # optional sections: every field is available when formatting
        elif text in "{}#":
            raise ExpressionError(f"Pattern includes reserved character: '{text}' in date format '{pattern}'")
        else:
            parts.append(text)
    return tuple(parts)


def format_java(dt: datetime, pattern: str) -> str:
    return "".join(part if isinstance(part, str) else _FIELDS[part[0]](dt, part[1])
                   for part in compile_pattern(pattern))


def _num(value: int, n: int) -> str:
    return f"{value:0{n}d}"


def _text(full: str, n: int, narrow: bool = True) -> str:
    if n >= 5 and narrow:
        return full[0]
    return full if n == 4 else full[:3]


def _year(dt, n):
    return f"{dt.year % 100:02d}" if n == 2 else _num(dt.year, n)


def _month(dt, n):
    return _num(dt.month, n) if n <= 2 else _text(MONTHS[dt.month - 1], n)


def _quarter(dt, n):
    q = (dt.month - 1) // 3 + 1
    if n <= 2:
        return _num(q, n)
    return f"Q{q}" if n == 3 else (f"{q}{['st', 'nd', 'rd', 'th'][q - 1]} quarter" if n == 4 else str(q))


def _weekday(dt, n):
    return _text(DAYS[dt.weekday()], n)


def _local_weekday(dt, n):
    """`e`/`c`: localized day-of-week; Locale.US weeks start on Sunday (= 1)."""
    return _num(dt.isoweekday() % 7 + 1, n) if n <= 2 else _weekday(dt, n)


def _week_start(d: date) -> date:
    return d - timedelta(days=d.isoweekday() % 7)


def _week_based(dt):
    """Locale.US week fields: weeks start on Sunday, week 1 holds January 1st."""
    start = _week_start(dt.date() if isinstance(dt, datetime) else dt)
    year = (start + timedelta(days=6)).year
    first = _week_start(date(year, 1, 1))
    return year, (start - first).days // 7 + 1


def _offset(dt, n, z_for_zero, colon_from):
    delta = dt.utcoffset()
    if delta is None:
        raise ExpressionError("Unable to format an offset for a date without time zone")
    seconds = int(delta.total_seconds())
    if seconds == 0 and z_for_zero:
        return "Z"
    sign = "+" if seconds >= 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    if n == 1:
        return f"{sign}{hours:02d}" + (f"{minutes:02d}" if minutes else "")
    return f"{sign}{hours:02d}{':' if n >= colon_from else ''}{minutes:02d}"


def _zone_offset_z(dt, n):
    if n == 4:
        return _gmt(dt, 4)
    if n == 5:
        return _offset(dt, 3, True, 3)
    return _offset(dt, 2, False, 3)


def _gmt(dt, n):
    seconds = int(dt.utcoffset().total_seconds())
    if seconds == 0:
        return "GMT"
    sign = "+" if seconds > 0 else "-"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    if n == 4:
        return f"GMT{sign}{hours:02d}:{minutes:02d}"
    return f"GMT{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def _zone_name(dt, n):
    tz = dt.tzinfo
    if not getattr(tz, "key", None):
        return offset_id(dt.utcoffset() or timedelta(0))
    short = dt.tzname() or zone_id(tz, dt)
    if tz.key in ("UTC", "Etc/UTC"):
        short = "UTC"
    return ZONE_NAMES.get(short, short) if n >= 4 else short


def _fraction(dt, n):
    return f"{dt.microsecond:06d}000"[:n] if n <= 9 else f"{dt.microsecond:06d}".ljust(n, "0")


_FIELDS = {
    "G": lambda dt, n: "AD" if n <= 3 else ("Anno Domini" if n == 4 else "A"),
    "u": _year, "y": _year,
    "Y": lambda dt, n: f"{_week_based(dt)[0] % 100:02d}" if n == 2 else _num(_week_based(dt)[0], n),
    "Q": _quarter, "q": _quarter, "M": _month, "L": _month,
    "w": lambda dt, n: _num(_week_based(dt)[1], n),
    "W": lambda dt, n: _num((dt.day + date(dt.year, dt.month, 1).isoweekday() % 7 - 1) // 7 + 1, n),
    "d": lambda dt, n: _num(dt.day, n),
    "D": lambda dt, n: _num(dt.timetuple().tm_yday, n),
    "F": lambda dt, n: _num((dt.day - 1) // 7 + 1, n),
    "E": _weekday, "e": _local_weekday, "c": _local_weekday,
    "a": lambda dt, n: "AM" if dt.hour < 12 else "PM",
    "B": lambda dt, n: "in the morning" if 6 <= dt.hour < 12 else ("noon" if dt.hour == 12 and not dt.minute
                                                                     else "in the afternoon" if 12 <= dt.hour < 18
                                                                     else "in the evening" if 18 <= dt.hour < 21
                                                                     else "at night"),
    "h": lambda dt, n: _num(dt.hour % 12 or 12, n),
    "K": lambda dt, n: _num(dt.hour % 12, n),
    "k": lambda dt, n: _num(dt.hour or 24, n),
    "H": lambda dt, n: _num(dt.hour, n),
    "m": lambda dt, n: _num(dt.minute, n),
    "s": lambda dt, n: _num(dt.second, n),
    "S": _fraction,
    "A": lambda dt, n: _num(((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000 + dt.microsecond // 1000, n),
    "n": lambda dt, n: _num(dt.microsecond * 1000, n),
    "N": lambda dt, n: _num((((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1_000_000 + dt.microsecond) * 1000, n),
    "V": lambda dt, n: zone_id(dt.tzinfo, dt),
    "v": _zone_name, "z": _zone_name,
    "O": _gmt,
    "X": lambda dt, n: _offset(dt, n, True, 3),
    "x": lambda dt, n: _offset(dt, n, False, 3),
    "Z": _zone_offset_z,
}
