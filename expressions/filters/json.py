"""JSON, YAML and jq filters."""
from __future__ import annotations

import json as jsonlib

import jq as jqlib
import yaml

from ..errors import ExpressionError
from ..output import compact_json


def from_json(value):
    if value is None:
        return None
    try:
        return jsonlib.loads(value) if isinstance(value, (str, bytes)) else value
    except ValueError as exc:
        raise ExpressionError(f"fromJson: invalid JSON: {exc}") from None


def jq(value, expression):
    if isinstance(value, str):
        try:
            value = jsonlib.loads(value)
        except ValueError:
            pass
    try:
        return jqlib.compile(expression).input_value(jsonlib.loads(compact_json(value))).all()
    except ValueError as exc:
        raise ExpressionError(f"jq '{expression}': {exc}") from None


def to_yaml(value):
    return yaml.safe_dump(value, sort_keys=False, default_flow_style=False).rstrip("\n")


FILTERS = {"toJson": compact_json, "json": compact_json, "fromJson": from_json, "jq": jq, "yaml": to_yaml,
           "toYaml": to_yaml}
