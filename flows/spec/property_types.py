"""Checking a property's literal value against its declared kind.

A dynamic property whose value holds an expression is checked only at run time, once
rendered. Scalars are coerced the way Kestra's Jackson does (`"5"` is a fine integer,
`5` a fine string), so only values Kestra would refuse are refused here."""
from __future__ import annotations

import math
import re

from plugins.api.durations import DurationError, parse_duration

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
    """What is wrong with `value` for property `prop` (a plugins.api.properties.Property),
    or None. An object's own keys are field_problems' business."""
    if value is None or (prop.dynamic and has_expression(value)):
        return None
    problem = value_problem(prop.kind, value, prop.values, prop.items)
    if (problem is None and prop.minimum is not None and prop.kind in ("integer", "number")
            and float(value) < prop.minimum):
        problem = f"must be at least {prop.minimum}, not {_type_name(value)}"
    return problem


def field_problems(prop, value) -> list[tuple[str, dict, str, str]]:
    """(sub-path, map, key, message) for each key that is unknown, of the wrong kind or
    required and missing in an object property with declared fields, or in each map of
    an array property with them (a Dag's `{task, dependsOn}` items): a typo such as
    `maxIterationz` is refused when the flow is saved, as Kestra refuses unknown
    properties everywhere."""
    if not prop.fields or (prop.dynamic and has_expression(value)):
        return []
    if isinstance(value, list):
        return [(f"[{index}]{sub}", mapping, key, message)
                for index, item in enumerate(value) if isinstance(item, dict)
                for sub, mapping, key, message in _map_problems(prop, item)]
    return _map_problems(prop, value) if isinstance(value, dict) else []


def _map_problems(prop, mapping: dict) -> list[tuple[str, dict, str, str]]:
    declared = {field.name: field for field in prop.fields}
    problems = []
    for key, item in mapping.items():
        field = declared.get(key)
        if field is None:
            message = f"unknown property '{key}' of {prop.name}; known: {', '.join(declared)}"
        else:
            message = kind_problem(field, item)
        if message:
            problems.append((f".{key}", mapping, key, message))
    problems += [(f".{field.name}", mapping, field.name, f"required property missing of {prop.name}")
                 for field in prop.fields if field.required and mapping.get(field.name) is None]
    return problems


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
    elif kind == "task" and not isinstance(value, dict):
        return f"must be a task (a map with id and type), not {_type_name(value)}"
    return None
