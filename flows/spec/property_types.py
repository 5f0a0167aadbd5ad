"""Checking a property's literal value against its declared kind. Values holding an
expression are checked only at run time, once rendered."""
from __future__ import annotations

from plugins.durations import DurationError, parse_duration


def has_expression(value) -> bool:
    if isinstance(value, str):
        return "{{" in value or "{%" in value
    if isinstance(value, dict):
        return any(has_expression(v) for v in value.values())
    if isinstance(value, list):
        return any(has_expression(v) for v in value)
    return False


def kind_problem(prop, value) -> str | None:
    """What is wrong with `value` for property `prop`, or None."""
    if value is None or (prop.dynamic and has_expression(value)):
        return None
    kind = prop.kind
    if kind == "string" and not isinstance(value, (str, int, float, bool)):
        return f"must be a string, not {type(value).__name__}"
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        if not (isinstance(value, str) and value.strip().lstrip("-").isdigit()):
            return f"must be an integer, not {value!r}"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"must be a number, not {value!r}"
    if kind == "boolean" and not isinstance(value, bool) and str(value).lower() not in ("true", "false"):
        return f"must be true or false, not {value!r}"
    if kind == "duration":
        try:
            parse_duration(value)
        except DurationError:
            return f"must be an ISO-8601 duration like PT5M, not {value!r}"
    if kind == "enum" and prop.values and str(value).upper() not in {v.upper() for v in prop.values}:
        return f"must be one of {', '.join(prop.values)}, not {value!r}"
    if kind == "object" and not isinstance(value, dict):
        return f"must be a map, not {type(value).__name__}"
    if kind in ("array", "tasks") and not isinstance(value, list):
        return f"must be a list, not {type(value).__name__}"
    return None
