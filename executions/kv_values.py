"""KV values as Kestra's KVController reads and shows them.

A value is sent as text holding a JSON or Ion literal (`"text"`, `42`, `true`,
`{"a":1}`, `[1,2]`, an Ion timestamp `2024-01-01T10:00:00Z` or `2024-01-01`, a bare Ion
symbol `hello`); Kestra reads it with its Ion mapper and refuses anything else. A value
is shown with its KVType (KVType.from): STRING NUMBER BOOLEAN DATETIME DATE DURATION JSON."""
from __future__ import annotations

import json
import re

from plugins.api.instants import NotAnInstant, format_instant, parse_instant

ION_DATE = re.compile(r"\d{4}-\d{2}-\d{2}T?")
ION_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")
ION_SYMBOL = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


class InvalidValue(ValueError):
    """Text that is no JSON or Ion literal."""


def parse_literal(text: str) -> tuple[object, str]:
    """The value the text holds and its type when JSON cannot tell it ('' otherwise)."""
    text = text.strip()
    try:
        return json.loads(text), ""
    except ValueError:
        pass
    if ION_DATE.fullmatch(text):
        return text.rstrip("T"), "DATE"
    if ION_TIMESTAMP.fullmatch(text):
        try:
            return format_instant(parse_instant(text)), "DATETIME"
        except NotAnInstant:
            raise InvalidValue(f"Invalid JSON value for: {text}") from None
    if ION_SYMBOL.fullmatch(text):
        return text, ""
    raise InvalidValue(f"Invalid JSON value for: {text}")


def kv_type(value, value_type: str = "") -> str:
    """KVType.from: the recorded type, else the JSON value's own."""
    if value_type:
        return value_type
    if isinstance(value, bool):
        return "BOOLEAN"
    if isinstance(value, (int, float)):
        return "NUMBER"
    if isinstance(value, str):
        return "STRING"
    return "JSON"
