"""Instants as java.time.Instant reads and prints them, the way Kestra's DATETIME inputs
and the KV Set task's `kvType: DATETIME` take them: an ISO-8601 date and time with an
optional fraction and offset (none means UTC), printed in UTC with seconds always."""
from __future__ import annotations

import re
from datetime import UTC, datetime

INSTANT = re.compile(r"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?([Zz]|[-+]\d{2}(?::?\d{2})?)?")


class NotAnInstant(ValueError):
    """The value is not an ISO-8601 date and time."""


def parse_instant(value: object) -> datetime:
    """The value (a datetime or its ISO-8601 text) as an aware datetime in UTC; a time
    without an offset is read as UTC, as Kestra wants an instant."""
    if isinstance(value, datetime):
        parsed = value
    else:
        text = value.strip() if isinstance(value, str) else ""
        found = INSTANT.fullmatch(text)
        try:
            if not found:
                raise ValueError(text)
            main, fraction, offset = found.groups()
            fraction = f".{(fraction + '000000')[:6]}" if fraction else ""
            offset = "+00:00" if offset in (None, "Z", "z") else offset
            parsed = datetime.fromisoformat(main.replace("t", "T").replace(" ", "T") + fraction + offset)
        except ValueError:
            raise NotAnInstant(f"{value!r} is not an ISO-8601 date and time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def format_instant(moment: datetime) -> str:
    """java.time.Instant#toString: UTC, seconds always, fractions by groups of three."""
    moment = moment.astimezone(UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        fraction = f"{moment.microsecond:06d}"
        text += "." + (fraction[:3] if fraction.endswith("000") else fraction)
    return text + "Z"
