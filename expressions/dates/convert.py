"""What the date filters accept, as Kestra's AbstractDate.convert: a datetime (a naive
one is in the target zone), a date (at noon), epoch seconds, or a string: ISO with an
offset, ISO local date-time or date (in the target zone), or `existingFormat`."""
from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from jinja2 import Undefined

from ..errors import ExpressionError
from .java_parse import parse_java
from .named import FORMATTERS
from .zones import zone

_ISO_NAMED = set(FORMATTERS) | {"iso", "iso_sec", "sql", "sql_seq"}


def to_datetime(value, tz: tzinfo, existing_format: str | None = None) -> datetime:
    """An aware datetime; its own zone when the input had one, else `tz`."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 12, tzinfo=tz)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=UTC).astimezone(tz)
    if not isinstance(value, str):
        raise ExpressionError(f"Unable to convert a {type(value).__name__} to a date: {value!r}")
    text = value.strip()
    if existing_format and existing_format not in _ISO_NAMED:
        parsed, _ = parse_java(text, existing_format)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    return _parse_iso(text, tz)


def _parse_iso(text: str, tz: tzinfo) -> datetime:
    region = None
    if text.endswith("]") and "[" in text:  # ZonedDateTime.toString: 2024-01-15T10:00+01:00[Europe/Paris]
        text, region = text[:text.index("[")], text[text.index("[") + 1:-1]
    if text.lstrip("-").isdigit() and len(text.lstrip("-")) > 8:
        return datetime.fromtimestamp(int(text), tz=UTC).astimezone(tz)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ExpressionError(f"Text '{text}' could not be parsed as a date; give its format with "
                              "existingFormat, e.g. date('yyyy-MM-dd', existingFormat='dd/MM/yyyy')") from None
    if region:
        return parsed.astimezone(zone(region)) if parsed.tzinfo else parsed.replace(tzinfo=zone(region))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
