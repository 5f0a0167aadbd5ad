"""JSON filters: toJson (and the legacy json), fromJson, jq (results as a list, like
Kestra's), and toIon for the Amazon Ion text some Kestra tasks read."""
from __future__ import annotations

import json as jsonlib
import math
import re
from collections.abc import Mapping

from .. import jq_bounded
from ..bounded import measure
from ..errors import ExpressionError
from ..output import java_string, to_json


def to_json_filter(value):
    return "null" if value is None else to_json(value)


def from_json(value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExpressionError("The 'fromJson' function expects an argument 'json' with type string.")
    try:
        return jsonlib.loads(value)
    except ValueError as exc:
        raise ExpressionError(f"Invalid json: {exc}") from None


def jq(value, /, expression=None):
    """Every result of the jq expression, as a list (use `| first` for one value)."""
    if value is None:
        return None
    if expression is None:
        raise ExpressionError("The 'jq' filter expects an argument 'expression'.")
    text = value if isinstance(value, str) else to_json(value)
    try:  # not JSON text: jq sees the string itself
        return jq_bounded.run(java_string(expression), text, value)
    except jq_bounded.JqFailed as exc:
        raise ExpressionError(f"Failed to resolve JQ expression '{expression}' and value '{java_string(value)}': "
                              f"{exc}") from None


_SYMBOL = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def to_ion(value) -> str:
    """Ion text: like JSON, with symbol keys and Ion's float notation (`2.5e0`)."""
    if value is None:
        return "null"
    measure(value)
    out: list[str] = []
    _ion(value, out.append)
    return "".join(out)


def _ion(value, write):
    if value is None:
        write("null")
    elif value is True or value is False:
        write("true" if value else "false")
    elif isinstance(value, int):
        write(str(value))
    elif isinstance(value, float):
        write("nan" if value != value else ("+inf" if value > 0 else "-inf") if math.isinf(value)
              else f"{value!r}e0" if "e" not in repr(value) else repr(value))
    elif isinstance(value, str):
        write(jsonlib.dumps(value, ensure_ascii=False))
    elif isinstance(value, Mapping):
        write("{")
        for i, (key, item) in enumerate(value.items()):
            if i:
                write(",")
            key = java_string(key)
            write(key if _SYMBOL.fullmatch(key) and key not in ("null", "true", "false", "nan") else
                  "'" + key.replace("\\", "\\\\").replace("'", "\\'") + "'")
            write(":")
            _ion(item, write)
        write("}")
    elif isinstance(value, (list, tuple)):
        write("[")
        for i, item in enumerate(value):
            if i:
                write(",")
            _ion(item, write)
        write("]")
    else:
        write(jsonlib.dumps(java_string(value), ensure_ascii=False))


FILTERS = {"toJson": to_json_filter, "json": to_json_filter, "fromJson": from_json, "jq": jq, "toIon": to_ion}
