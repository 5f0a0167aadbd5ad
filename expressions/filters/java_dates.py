"""Formatting dates with Java DateTimeFormatter patterns (`yyyy-MM-dd'T'HH:mm:ss`),
which Kestra flows use in the `date` filter."""
from __future__ import annotations

import re
from datetime import datetime

_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _offset(dt: datetime, colon: bool, z_for_zero: bool) -> str:
    delta = dt.utcoffset()
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    if minutes == 0 and z_for_zero:
        return "Z"
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}" if colon else f"{sign}{hours:02d}{mins:02d}"


def _field(dt: datetime, letter: str, n: int) -> str:
    if letter in "yu":
        return f"{dt.year % 100:02d}" if n == 2 else f"{dt.year:0{n}d}"
    if letter in "ML":
        return MONTHS[dt.month - 1] if n >= 4 else MONTHS[dt.month - 1][:3] if n == 3 else f"{dt.month:0{n}d}"
    if letter == "d":
        return f"{dt.day:0{n}d}"
    if letter == "D":
        return f"{dt.timetuple().tm_yday:0{n}d}"
    if letter == "H":
        return f"{dt.hour:0{n}d}"
    if letter == "h":
        return f"{(dt.hour % 12) or 12:0{n}d}"
    if letter == "k":
        return f"{dt.hour or 24:0{n}d}"
    if letter == "m":
        return f"{dt.minute:0{n}d}"
    if letter == "s":
        return f"{dt.second:0{n}d}"
    if letter == "S":
        return f"{dt.microsecond:06d}{'0' * 3}"[:n]
    if letter == "n":
        return str(dt.microsecond * 1000)
    if letter == "a":
        return "AM" if dt.hour < 12 else "PM"
    if letter == "E":
        return DAYS[dt.weekday()] if n >= 4 else DAYS[dt.weekday()][:3]
    if letter == "e":
        return str(dt.isoweekday())
    if letter == "X":
        return _offset(dt, colon=n >= 3 or n == 1, z_for_zero=True)[: 3 if n == 1 else None]
    if letter == "x":
        return _offset(dt, colon=n >= 3, z_for_zero=False)
    if letter == "Z":
        return _offset(dt, colon=n >= 4, z_for_zero=n >= 5)
    if letter in "zV":
        return dt.tzname() or ""
    if letter == "w":
        return f"{dt.isocalendar()[1]:0{n}d}"
    raise ValueError(f"unsupported date pattern letter {letter!r}")


def format_java(dt: datetime, pattern: str) -> str:
    out = []
    for match in _PART.finditer(pattern):
        text = match.group()
        if text.startswith("'"):
            out.append(text[1:-1].replace("''", "'") if text != "''" else "'")
        elif match.group(1):
            out.append(_field(dt, text[0], len(text)))
        else:
            out.append(text)
    return "".join(out)
