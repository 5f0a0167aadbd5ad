"""JSON and YAML input values read within bounds: no `NaN` or `Infinity` (not JSON,
and Kestra's Jackson refuses them), and no nesting past the limit, checked without
recursion so that a value nested 100,000 deep is an error, not a crash."""
from __future__ import annotations

import json
import math

import yaml

from . import limits
from .input_values import BadValue, shown
from .storable import first_unstorable
from .yaml_lines import load_value


class NotJson(BadValue):
    """Text that is not JSON at all."""


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def read_json(text: str):
    """`text` as JSON; raises BadValue saying what is wrong."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise BadValue(f"lists and maps nested deeper than the limit of {limits.nesting_depth()}") from None
    except ValueError as exc:
        raise NotJson(f"{shown(text)} is not valid JSON: {exc}") from None
    check_value(value)
    return value


def read_yaml(text: str):
    """`text` as YAML, bounded as a flow's text is; raises BadValue."""
    try:
        value = load_value(text)
    except yaml.YAMLError as exc:
        raise BadValue(f"{shown(text)} is not valid YAML: {str(exc).splitlines()[0]}") from None
    check_value(value)
    return value


def check_value(value) -> None:
    """Raise BadValue for a value nested past the limit, holding a number that is not
    finite or text no database stores (a JSON value given by the API is checked as
    parsed text is)."""
    depth_limit = limits.nesting_depth()
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            if depth + 1 > depth_limit.value:
                raise BadValue(f"lists and maps nested deeper than the limit of {depth_limit}")
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
        elif isinstance(item, float) and not math.isfinite(item):
            raise BadValue(f"{item} is not a finite number")
    found = first_unstorable(value)
    if found is not None:  # an escape (`"\\u0000"`) made text PostgreSQL's jsonb refuses
        where, problem = found
        raise BadValue(f"{'the value at ' + where if where else 'the value'} {problem}")
