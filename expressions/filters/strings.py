"""String filters of Pebble and Kestra."""
from __future__ import annotations

import base64
import hashlib
import re
from decimal import ROUND_HALF_EVEN, Decimal
from urllib.parse import quote, unquote

from jinja2 import Undefined
from slugify import slugify

from ..output import java_str


def _s(value) -> str:
    return java_str(value)


def abbreviate(value, length):
    text = _s(value)
    return text if len(text) <= length else text[: max(0, length - 3)] + "..."


def replace(value, search, replacement=None, regexp=False):
    """Pebble's replace takes a map of search -> replacement; replace('a', 'b') works too."""
    text = _s(value)
    pairs = search.items() if isinstance(search, dict) else [(search, replacement)]
    for old, new in pairs:
        text = re.sub(str(old), _s(new), text) if regexp else text.replace(str(old), _s(new))
    return text


def split(value, delimiter, limit=None):
    text = _s(value)
    if limit is None or limit <= 0:
        return text.split(delimiter)
    return text.split(delimiter, limit - 1)


def escape_char(value, type="single"):
    text = _s(value)
    if type == "double":
        return text.replace("\\", "\\\\").replace('"', '\\"')
    if type == "shell":
        return "'" + text.replace("'", "'\\''") + "'"
    return text.replace("\\", "\\\\").replace("'", "\\'")


def indent(value, amount, prefix=" "):
    pad = prefix * int(amount)
    lines = _s(value).split("\n")
    return "\n".join([lines[0], *(pad + line if line else line for line in lines[1:])])


def nindent(value, amount, prefix=" "):
    pad = prefix * int(amount)
    return "\n" + "\n".join(pad + line if line else line for line in _s(value).split("\n"))


def default(value, fallback):
    """Pebble's default: for null, undefined and empty values."""
    if value is None or isinstance(value, Undefined) or value == "" or value == [] or value == {}:
        return fallback
    return value


def number(value, type=None):
    text = _s(value).strip()
    kind = (type or "").upper()
    if kind in ("INT", "INTEGER", "LONG"):
        return int(float(text))
    if kind in ("FLOAT", "DOUBLE"):
        return float(text)
    if kind == "BIGDECIMAL":
        return Decimal(text)
    try:
        return int(text)
    except ValueError:
        return float(text)


def number_format(value, pattern):
    """Java DecimalFormat patterns, the common cases: '#.##', '0.00', '#,##0.0'."""
    decimals_part = pattern.split(".", 1)[1] if "." in pattern else ""
    places = len(decimals_part)
    minimum = decimals_part.count("0")
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_EVEN)
    text = f"{rounded:,.{places}f}" if "," in pattern else f"{rounded:.{places}f}"
    if places > minimum and "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
        frac = frac + "0" * max(0, minimum - len(frac))
        text = whole + ("." + frac if frac else "")
    return text


def round_filter(value, precision=0, method="common"):
    result = round(float(value), int(precision))
    return int(result) if int(precision) == 0 else result


def _hash(algorithm):
    return lambda value: hashlib.new(algorithm, _s(value).encode()).hexdigest()


FILTERS = {
    "upper": lambda v: _s(v).upper(), "lower": lambda v: _s(v).lower(), "title": lambda v: _s(v).title(),
    "capitalize": lambda v: _s(v)[:1].upper() + _s(v)[1:], "trim": lambda v: _s(v).strip(),
    "abbreviate": abbreviate, "replace": replace, "split": split, "slugify": lambda v: slugify(_s(v)),
    "substringBefore": lambda v, s: _s(v).split(s, 1)[0],
    "substringBeforeLast": lambda v, s: _s(v).rsplit(s, 1)[0],
    "substringAfter": lambda v, s: _s(v).split(s, 1)[1] if s in _s(v) else "",
    "substringAfterLast": lambda v, s: _s(v).rsplit(s, 1)[1] if s in _s(v) else "",
    "startsWith": lambda v, s: _s(v).startswith(s), "endsWith": lambda v, s: _s(v).endswith(s),
    "escapeChar": escape_char, "base64encode": lambda v: base64.b64encode(_s(v).encode()).decode(),
    "base64decode": lambda v: base64.b64decode(_s(v)).decode(), "md5": _hash("md5"), "sha1": _hash("sha1"),
    "sha256": _hash("sha256"), "sha512": _hash("sha512"), "urlencode": lambda v: quote(_s(v), safe=""),
    "urldecode": lambda v: unquote(_s(v)), "indent": indent, "nindent": nindent, "default": default,
    "string": _s, "number": number, "numberFormat": number_format, "abs": abs, "round": round_filter,
    "className": lambda v: type(v).__name__,
}
