"""How values print, as Pebble prints them in Kestra (its JsonWriter): `true`/`false`,
nothing for null, Java's Double.toString for floats, maps and lists as compact JSON
(Jackson), dates in ISO-8601. Also Java's toString, which `~`, `join` and `+` use and
which prints a map as `{a=1, b=[x, y]}`."""
from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from json.encoder import encode_basestring

from jinja2 import Undefined

from .bounded import measure
from .java_duration import java_duration


def java_double(value: float) -> str:
    """Java's Double.toString: plain between 1e-3 and 1e7, else `1.0E20` style; the
    digits are the shortest that round-trip, as in Python's repr (Java 19+)."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign, digit_tuple, exponent = Decimal(repr(value)).as_tuple()
    digits = "".join(map(str, digit_tuple)).lstrip("0")
    point = len(digits) + exponent  # position of the decimal point from the left of `digits`
    digits = digits.rstrip("0") or "0"
    minus = "-" if sign else ""
    if 1e-3 <= abs(value) < 1e7:
        if point <= 0:
            return f"{minus}0.{'0' * -point}{digits}"
        if point >= len(digits):
            return f"{minus}{digits}{'0' * (point - len(digits))}.0"
        return f"{minus}{digits[:point]}.{digits[point:]}"
    return f"{minus}{digits[0]}.{digits[1:] or '0'}E{point - 1}"


def _fraction(microsecond: int) -> str:
    """Instant.toString's fraction: none, or 3 or 6 digits."""
    if not microsecond:
        return ""
    if microsecond % 1000 == 0:
        return f".{microsecond // 1000:03d}"
    return f".{microsecond:06d}"


class Now(datetime):
    """What now() returns: a datetime that prints as Kestra's now() does, with all six
    fraction digits (its `iso` format)."""


def iso(value) -> str:
    """ISO-8601 as Kestra prints dates: `2024-01-15T10:00:00Z` in UTC, the offset
    otherwise; seconds always written."""
    if isinstance(value, datetime):
        fraction = f".{value.microsecond:06d}" if isinstance(value, Now) else _fraction(value.microsecond)
        text = value.strftime("%Y-%m-%dT%H:%M:%S") + fraction
        offset = value.utcoffset()
        if offset is None:
            return text
        if not offset:
            return text + "Z"
        return text + value.strftime("%z")[:3] + ":" + value.strftime("%z")[3:5]
    if isinstance(value, time):
        return value.strftime("%H:%M:%S") + _fraction(value.microsecond)
    return value.isoformat()


def java_string(value) -> str:
    """Java's String.valueOf(value): what `~` and `join` append."""
    if isinstance(value, (dict, list, tuple)):
        measure(value)
    return _java_string(value)


def _java_string(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_java_string(k)}={_java_string(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_java_string(v) for v in value) + "]"
    return text(value)


def text(value) -> str:
    """How `{{ value }}` prints (Jinja's finalize); an undefined value fails here."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, (dict, list, tuple)):
        return to_json(value)
    if isinstance(value, (datetime, date, time)):
        return iso(value)
    if isinstance(value, timedelta):
        return java_duration(value)
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return str(value)


def to_json(value) -> str:
    """Compact JSON as Kestra's Jackson mapper writes it (toJson, maps in output)."""
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        measure(value)
    out: list[str] = []
    _json(value, out.append)
    return "".join(out)


def _json(value, write) -> None:
    if isinstance(value, str):
        write(encode_basestring(value))
    elif value is None:
        write("null")
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif isinstance(value, int):
        write(str(value))
    elif isinstance(value, float):
        write(java_double(value) if math.isfinite(value) else encode_basestring(java_double(value)))
    elif isinstance(value, dict):
        write("{")
        first = True
        for key, item in value.items():
            if not first:
                write(",")
            first = False
            write(encode_basestring(key if isinstance(key, str) else java_string(key)))
            write(":")
            _json(item, write)
        write("}")
    elif isinstance(value, (list, tuple, set, frozenset)):
        write("[")
        first = True
        for item in value:
            if not first:
                write(",")
            first = False
            _json(item, write)
        write("]")
    elif isinstance(value, Decimal):
        write(str(value))
    elif isinstance(value, (datetime, date, time)):
        write(encode_basestring(iso(value)))
    elif isinstance(value, timedelta):
        write(encode_basestring(java_duration(value)))
    elif isinstance(value, Undefined):
        value._fail_with_undefined_error()
    elif hasattr(value, "to_json_value"):
        _json(value.to_json_value(), write)
    else:
        write(encode_basestring(str(value)))

