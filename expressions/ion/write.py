"""Values to Ion text as Kestra's ION mapper writes them (ion-java's text writer, one
line): symbols for field names when they can be, Java's Double.toString for floats
(`2.5e0`, `2e0`, `1.0E10`), decimals as Ion decimals (`12.`, `1.50`, `1d3`), dates as
Kestra's IonModule writes them (a LocalDate as an Ion timestamp, other java.time values
as a string annotated with their class: `ZonedDateTime::"..."`)."""
from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ..dates.named import FORMATTERS
from ..java_duration import java_duration
from ..output import java_double, java_string

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_KEYWORD = re.compile(r"null|true|false|nan|\$[0-9]+")
_ESCAPES = {0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0B: "\\v", 0x0C: "\\f",
            0x0D: "\\r", 0x5C: "\\\\"}


def to_ion(value) -> str:
    """One Ion value as text; None is `null`."""
    out: list[str] = []
    _write(value, out.append)
    return "".join(out)


def _write(value, write) -> None:
    if value is None:
        write("null")
    elif value is True or value is False:
        write("true" if value else "false")
    elif isinstance(value, int):
        write(str(int(value)))
    elif isinstance(value, float):
        write(_float(value))
    elif isinstance(value, Decimal):
        write(_decimal(value) if value.is_finite() else _float(float(value)))
    elif isinstance(value, str):
        write(_quoted(value, '"'))
    elif isinstance(value, Mapping):
        write("{")
        for index, (key, item) in enumerate(value.items()):
            write("," if index else "")
            write(_field_name(java_string(key)))
            write(":")
            _write(item, write)
        write("}")
    elif isinstance(value, (list, tuple)):
        write("[")
        for index, item in enumerate(value):
            write("," if index else "")
            _write(item, write)
        write("]")
    elif isinstance(value, (datetime, date, time)):
        write(_temporal(value))
    elif isinstance(value, timedelta):
        write(_quoted(java_duration(value), '"'))  # Jackson writes a Duration as its text
    elif isinstance(value, (bytes, bytearray)):
        write("{{" + base64.b64encode(bytes(value)).decode() + "}}")
    else:
        write(_quoted(java_string(value), '"'))


def _float(value: float) -> str:
    """ion-java's printFloat."""
    if value == 0:
        return "-0e0" if str(value).startswith("-") else "0e0"
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "+inf" if value > 0 else "-inf"
    text = java_double(value)
    if text.endswith(".0"):
        return text[:-2] + "e0"
    return text if "E" in text else text + "e0"


def _decimal(value: Decimal) -> str:
    """ion-java's printDecimal: the unscaled digits, the point placed by the scale."""
    sign, digit_tuple, exponent = value.as_tuple()
    unscaled = str(int("".join(map(str, digit_tuple)) or "0"))
    minus = "-" if sign and int(unscaled) else ""  # a BigDecimal has no negative zero
    if exponent == 0:
        return f"{minus}{unscaled}."
    if exponent > 0:
        return f"{minus}{unscaled}d{exponent}"
    scale = -exponent
    if len(unscaled) - 1 - scale >= 0:
        whole = len(unscaled) - scale
        return f"{minus}{unscaled[:whole]}.{unscaled[whole:]}"
    if len(unscaled) - 1 - scale >= -6:
        return f"{minus}0.{'0' * (scale - len(unscaled))}{unscaled}"
    return f"{minus}{unscaled}d-{scale}"


def _temporal(value) -> str:
    """Kestra's IonModule: a LocalDate is an Ion timestamp of a day; the others are
    strings annotated with their Java class."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return 'LocalDateTime::' + _quoted(FORMATTERS["iso_local_date_time"](value), '"')
        return 'ZonedDateTime::' + _quoted(FORMATTERS["iso_zoned_date_time"](value), '"')
    if isinstance(value, date):
        return value.isoformat()
    return 'LocalTime::' + _quoted(FORMATTERS["iso_local_time"](value), '"')


def _field_name(name: str) -> str:
    """A symbol, quoted when it is not an identifier or reads as a keyword."""
    if _IDENTIFIER.fullmatch(name) and not _KEYWORD.fullmatch(name):
        return name
    return _quoted(name, "'")


def _quoted(text: str, quote: str) -> str:
    """ion-java's printCodePoints in UTF-8: control characters, DEL and the C1 controls
    escaped, the quote and backslash escaped, everything else as it is."""
    out = [quote]
    for char in text:
        code = ord(char)
        if char == quote:
            out.append("\\" + quote)
        elif code in _ESCAPES:
            out.append(_ESCAPES[code])
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    out.append(quote)
    return "".join(out)
