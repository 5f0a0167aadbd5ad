"""Time zones: the server's (the `TZ` environment variable, as the JVM reads it) and
zone ids given to filters (`timeZone="Europe/Paris"`, `UTC`, `+02:00`)."""
from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import ExpressionError

_OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$")


@lru_cache(maxsize=256)
def zone(name: str) -> tzinfo:
    if name in ("Z", "z"):
        return UTC
    match = _OFFSET.match(name)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ExpressionError(f"Unknown time-zone ID: {name}") from None


def server_zone() -> tzinfo:
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return zone(name)
        except ExpressionError:
            pass
    return datetime.now().astimezone().tzinfo or UTC


def zone_or_server(name) -> tzinfo:
    return zone(str(name)) if name else server_zone()


def zone_id(tz: tzinfo, dt: datetime) -> str:
    """Java's ZoneId text: `Europe/Paris`, `UTC`, or the offset (`Z`, `+02:00`)."""
    key = getattr(tz, "key", None)
    if key:
        return key
    offset = dt.utcoffset() or timedelta(0)
    return offset_id(offset)


def offset_id(offset: timedelta) -> str:
    """ZoneOffset.getId: `Z`, `+02:00`, or `+00:09:21` for the odd seconds of a local
    mean time before time zones."""
    seconds = int(offset.total_seconds())
    if seconds == 0:
        return "Z"
    sign = "+" if seconds > 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def is_region(tz: tzinfo) -> bool:
    """A named region (`Europe/Paris`, `UTC`) as opposed to a fixed offset: Java's
    ISO_DATE_TIME adds `[zone]` only for those."""
    return bool(getattr(tz, "key", None))
