"""Checking a property's literal value against its declared kind.

A dynamic property whose value holds an expression is checked only at run time, once
rendered. Scalars are coerced the way Kestra's Jackson does (`"5"` is a fine integer,
`5` a fine string), so only values Kestra would refuse are refused here."""
from __future__ import annotations

import math
import re

from plugins.durations import DurationError, parse_duration

NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
INTEGER = re.compile(r"\s*[-+]?\d+\s*")


def has_expression(value) -> bool:
    """Whether a value holds a Pebble expression or tag anywhere."""
    if isinstance(value, str):
        return "{{" in value or "{%" in value
    if isinstance(value, dict):
        return any(has_expression(v) for v in value.values())
    if isinstance(value, list):
        return any(has_expression(v) for v in value)
    return False


def _type_name(value) -> str:
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def kind_problem(prop, value) -> str | None:
    """What is wrong with `value` for property `prop` (a plugins.properties.Property),
    or None."""
    if value is None or (prop.dynamic and has_expression(value)):
        return None
    return value_problem(prop.kind, value, prop.values, prop.items)


def value_problem(kind: str, value, values=(), items: str | None = None) -> str | None:
    if kind == "string":
        if isinstance(value, (dict, list)):
            return f"must be a string, not {_type_name(value)}"
    elif kind == "integer":
        if isinstance(value, bool) or not (
                isinstance(value, int) or (isinstance(value, float) and value.is_integer())
                or (isinstance(value, str) and INTEGER.fullmatch(value))):
            return f"must be an integer, not {_type_name(value)}"
    elif kind == "number":
        if isinstance(value, bool) or not (
                (isinstance(value, (int, float)) and math.isfinite(value))
                or (isinstance(value, str) and NUMBER.fullmatch(value))):
            return f"must be a number, not {_type_name(value)}"
    elif kind == "boolean":
        if not isinstance(value, bool) and not (isinstance(value, str) and value.strip().lower() in ("true", "false")):
            return f"must be true or false, not {_type_name(value)}"
    elif kind == "duration":
        if isinstance(value, (bool, dict, list)):
            return f"must be an ISO-8601 duration like PT5M, not {_type_name(value)}"
        try:
            parse_duration(value)
        except DurationError as exc:
            return f"must be an ISO-8601 duration like PT5M or PT0.5S: {exc}"
    elif kind == "enum":
        if values and str(value).upper() not in {str(v).upper() for v in values}:
            return f"must be one of {', '.join(map(str, values))}, not {_type_name(value)}"
    elif kind == "object":
        if not isinstance(value, dict):
            return f"must be a map, not {_type_name(value)}"
    elif kind in ("array", "tasks"):
        if not isinstance(value, list):
            return f"must be a list, not {_type_name(value)}"
        if kind == "array" and items and items not in ("any", "tasks", "task"):
            for index, item in enumerate(value):
                if item is None or has_expression(item):
                    continue
                problem = value_problem(items, item)
                if problem:
                    return f"item {index}: {problem}"
    elif kind == "task":
        if not isinstance(value, dict):
            return f"must be a task (a map with id and type), not {_type_name(value)}"
    return None
