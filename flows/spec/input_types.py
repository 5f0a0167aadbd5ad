"""One parser per input type: a value as it arrives (text from the command line or a
form, or a typed JSON value from the API) to the value the execution keeps.

Kept values are JSON-friendly and render as Kestra renders them: dates, times and
instants as ISO strings (`2024-01-31`, `10:30:00`, `2024-01-31T10:00:00Z` in UTC),
durations as Java prints them (`PT5M`, `PT48H` for `P2D`), JSON and YAML parsed.
A parser raises BadValue with a message saying what is wrong; a SECRET's message never
shows its value."""
from __future__ import annotations

import math
import re

from storage.layout import SCHEME

from .input_json import NotJson, check_value, read_json, read_yaml
from .input_temporal import TEMPORAL_PARSERS
from .input_values import BadValue, ConstraintFailed, as_text, shown
from .java_regex import matches

TYPES = ("STRING", "ENUM", "SELECT", "MULTISELECT", "INT", "FLOAT", "BOOLEAN", "DATETIME", "DATE", "TIME",
         "DURATION", "FILE", "JSON", "URI", "SECRET", "ARRAY", "YAML", "EMAIL")
# Older names still accepted, and what they mean now.
LEGACY_TYPES = {"BOOL": "BOOLEAN"}
# Types whose empty text is a value; for the others an empty field means "no value".
EMPTY_IS_A_VALUE = ("STRING", "SECRET", "EMAIL")

INTEGER = re.compile(r"[-+]?\d+")
DECIMAL = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
URI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:(//)?\S+")
EMAIL = re.compile(r"[a-zA-Z0-9_!#$%&'’*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+")


def normalise_type(value) -> str | None:
    """The canonical type name for a declared `type`, or None when unknown."""
    if not isinstance(value, str):
        return None
    name = value.strip().upper()
    name = LEGACY_TYPES.get(name, name)
    return name if name in TYPES else None


# Kestra's INT is a Java long at most: a value past 64 bits cannot be one.
LONG_MIN, LONG_MAX = -2 ** 63, 2 ** 63 - 1


def _int(value, decl):
    if isinstance(value, bool):
        raise BadValue(f"{shown(value)} is not an INT")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and INTEGER.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        raise BadValue(f"{shown(value)} is not an INT")
    if not LONG_MIN <= number <= LONG_MAX:
        raise BadValue(f"{shown(value)} is not an INT: outside 64 bits ({LONG_MIN} to {LONG_MAX})")
    return _bounded(number, decl, int)


def _float(value, decl):
    if isinstance(value, bool):
        raise BadValue(f"{shown(value)} is not a FLOAT")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and DECIMAL.fullmatch(value.strip()):
        number = float(value.strip())
    else:
        raise BadValue(f"{shown(value)} is not a FLOAT")
    if not math.isfinite(number):
        raise BadValue(f"{shown(value)} is not a finite FLOAT")
    return _bounded(number, decl, float)


def _bounded(number, decl, kind):
    """Kestra's IntInput/FloatInput#validate; a bound is printed as Java prints an
    Integer or a Float (`10`, `0.5`, `1.0`)."""
    low, high = decl.get("min"), decl.get("max")
    if isinstance(low, (int, float)) and not isinstance(low, bool) and number < low:
        raise ConstraintFailed(f"it must be more than `{kind(low)}`")
    if isinstance(high, (int, float)) and not isinstance(high, bool) and number > high:
        raise ConstraintFailed(f"it must be less than `{kind(high)}`")
    return number


def _boolean(value, decl):
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise BadValue(f"{shown(value)} is not a BOOLEAN (true or false)")


def _string(value, decl):
    text = as_text(value)
    validator = decl.get("validator")
    if isinstance(validator, str) and not matches(validator, text):
        raise ConstraintFailed(f"it must match the pattern `{validator}`")  # Kestra's StringInput#validate
    return text


def _secret(value, decl):
    if isinstance(value, (dict, list)):
        raise BadValue("a SECRET must be text")
    return _string(value, decl)


def _allowed(decl) -> list[str] | None:
    values = decl.get("values")
    if values is None:
        values = decl.get("options")
    return [as_text(v) for v in values] if isinstance(values, list) else None


def _choice(value, decl):
    if isinstance(value, (dict, list)):
        raise BadValue(f"{shown(value)} is not one value")
    text = as_text(value)
    allowed = _allowed(decl)
    if allowed is not None and text not in allowed and not decl.get("allowCustomValue"):
        raise ConstraintFailed(_values_message(allowed))
    return text


def _values_message(allowed: list[str]) -> str:
    """Kestra's EnumInput/SelectInput/MultiselectInput#validate words, the values as a
    Java list prints them."""
    return f"it must match the values `[{', '.join(allowed)}]`"


def _list(value, what: str) -> list:
    if isinstance(value, str):
        try:
            value = read_json(value)
        except NotJson:
            raise BadValue(f"{shown(value)} is not {what} (a JSON array like [\"a\", \"b\"])") from None
    else:
        check_value(value)
    if isinstance(value, tuple):
        value = list(value)
    if not isinstance(value, list):
        raise BadValue(f"{shown(value)} is not {what}")
    return value


def _items(items: list, item_type, decl) -> list:
    kind = normalise_type(item_type)
    if kind is None:
        return items
    item_decl = {"id": decl.get("id"), "type": kind}
    parsed = []
    for index, item in enumerate(items):
        try:
            parsed.append(PARSERS[kind](item, item_decl))
        except BadValue as exc:
            raise BadValue(f"item {index}: {exc}") from None
    return parsed


def _multiselect(value, decl):
    items = _items(_list(value, "a MULTISELECT list"), decl.get("itemType") or "STRING", decl)
    allowed = _allowed(decl)
    if allowed is not None and not decl.get("allowCustomValue"):
        for item in items:
            if as_text(item) not in allowed:
                raise ConstraintFailed(_values_message(allowed))
    return items


def _array(value, decl):
    return _items(_list(value, "an ARRAY"), decl.get("itemType"), decl)


def _json(value, decl):
    if isinstance(value, str):
        return read_json(value)
    check_value(value)
    return value


def _yaml(value, decl):
    if isinstance(value, str):
        return read_yaml(value)
    check_value(value)
    return value


def _uri(value, decl):
    text = as_text(value).strip()
    if not URI.fullmatch(text):
        raise BadValue(f"{shown(value)} is not a URI (like https://example.com/a)")
    return text


def _email(value, decl):
    text = as_text(value).strip()
    if text and not EMAIL.fullmatch(text):
        raise BadValue(f"{shown(value)} is not an email address")
    return text


def _file(value, decl):
    if isinstance(value, str):
        if not value.strip():
            raise BadValue(f"a FILE input needs a file path or a {SCHEME} URI")
        return value
    if isinstance(value, (bool, int, float, dict, list)):
        raise BadValue(f"{shown(value)} is not a file path or a {SCHEME} URI")
    return value  # an uploaded file object: the engine stores it


PARSERS = {
    "STRING": _string, "SECRET": _secret, "INT": _int, "FLOAT": _float, "BOOLEAN": _boolean,
    "ENUM": _choice, "SELECT": _choice, "MULTISELECT": _multiselect, "JSON": _json, "YAML": _yaml,
    "ARRAY": _array, "URI": _uri, "EMAIL": _email, "FILE": _file, **TEMPORAL_PARSERS,
}


def parse_value(decl: dict, value):
    """`value` parsed as the input `decl` (a normalised declaration) says; raises BadValue."""
    kind = normalise_type(decl.get("type")) or "STRING"
    return PARSERS[kind](value, decl)


def is_no_value(decl: dict, value) -> bool:
    """Whether a given value counts as not given: None, or an empty text field for a
    type whose empty text means nothing (an empty INT field of a form)."""
    if value is None:
        return True
    kind = normalise_type(decl.get("type")) or "STRING"
    return isinstance(value, str) and value == "" and kind not in EMPTY_IS_A_VALUE
