"""JSON filters: toJson (and the legacy json), fromJson, jq (results as a list, like
Kestra's), and toIon for the Amazon Ion text some Kestra tasks read (see ion/)."""
from __future__ import annotations

import json as jsonlib

from .. import jq_bounded
from ..bounded import measure
from ..errors import ExpressionError
from ..ion import to_ion
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


def to_ion_filter(value):
    measure(value)  # shared references (a YAML alias of an alias) would print as gigabytes
    return to_ion(value)


FILTERS = {"toJson": to_json_filter, "json": to_json_filter, "fromJson": from_json, "jq": jq, "toIon": to_ion_filter}
