"""Kestra's named date formats (`date('iso')`, `date('sql')`, `date('iso_date_time')`,
`date('short')` ...), written as Java's predefined DateTimeFormatters write them."""
from __future__ import annotations

from datetime import UTC, datetime

from .java_format import NNBSP, format_java
from .zones import is_region, offset_id, zone_id

PATTERNS = {
    "iso": "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
    "iso_sec": "yyyy-MM-dd'T'HH:mm:ssXXX",
    "sql": "yyyy-MM-dd HH:mm:ss.SSSSSS",
    "sql_seq": "yyyy-MM-dd HH:mm:ss",
    # localized styles, Locale.US as Java 21 prints them
    "full": "EEEE, MMMM d, y 'at' h:mm:ss'" + NNBSP + "'a zzzz",
    "long": "MMMM d, y 'at' h:mm:ss'" + NNBSP + "'a z",
    "medium": "MMM d, y, h:mm:ss'" + NNBSP + "'a",
    "short": "M/d/yy, h:mm'" + NNBSP + "'a",
}


def _fraction(dt: datetime) -> str:
    """ISO_LOCAL_TIME's fraction: only as many digits as needed, none when zero."""
    return f".{dt.microsecond:06d}".rstrip("0") if dt.microsecond else ""


def _date(dt: datetime) -> str:
    """ISO_LOCAL_DATE: the year on at least four digits (strftime's %Y may give 999)."""
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"


def _time(dt: datetime) -> str:
    return dt.strftime("%H:%M:%S") + _fraction(dt)


def _offset(dt: datetime) -> str:
    return offset_id(dt.utcoffset())


def _zone(dt: datetime) -> str:
    return f"[{zone_id(dt.tzinfo, dt)}]" if is_region(dt.tzinfo) else ""


def _instant(dt: datetime) -> str:
    utc = dt.astimezone(UTC)
    micro = utc.microsecond
    fraction = "" if not micro else (f".{micro // 1000:03d}" if micro % 1000 == 0 else f".{micro:06d}")
    return _date(utc) + utc.strftime("T%H:%M:%S") + fraction + "Z"


FORMATTERS = {
    "iso_date_time": lambda dt: _date(dt) + "T" + _time(dt) + _offset(dt) + _zone(dt),
    "iso_zoned_date_time": lambda dt: _date(dt) + "T" + _time(dt) + _offset(dt) + _zone(dt),
    "iso_date": lambda dt: _date(dt) + _offset(dt),
    "iso_time": lambda dt: _time(dt) + _offset(dt),
    "iso_local_date": lambda dt: _date(dt),
    "iso_local_time": _time,
    "iso_local_date_time": lambda dt: _date(dt) + "T" + _time(dt),
    "iso_offset_time": lambda dt: _time(dt) + _offset(dt),
    "iso_instant": _instant,
    "iso_ordinal_date": lambda dt: f"{dt.year:04d}-{dt.timetuple().tm_yday:03d}" + _offset(dt),
    "iso_week_date": lambda dt: "{:04d}-W{:02d}-{}".format(*dt.isocalendar()) + _offset(dt),
    "rfc_1123_date_time": lambda dt: (f"{format_java(dt, 'EEE, d MMM yyyy HH:mm:ss')} "
                                      + ("GMT" if not dt.utcoffset() else format_java(dt, "xx"))),
}


def format_named_or_pattern(dt: datetime, fmt: str) -> str:
    formatter = FORMATTERS.get(fmt)
    if formatter is not None:
        return formatter(dt)
    return format_java(dt, PATTERNS.get(fmt, fmt))
