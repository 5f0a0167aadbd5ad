"""The ids Kestra accepts, with its own patterns and lengths (Java's `@Pattern` matches
the whole value):

- flow id: letters, digits, `.`, `_`, `-`, not starting with a sign; 1 to 100 chars;
- namespace: the same in lowercase only; 1 to 150 chars;
- task and trigger ids: no dots (a task id is a key of `outputs`); at most 255 chars,
  which Kestra does not bound but the task run, log, metric and trigger state columns
  do (PostgreSQL refused a longer one when the flow ran, SQLite kept it);
- input and flow output ids: dots allowed (`inputs.db.host` nests them).
"""
from __future__ import annotations

import re

from .errors import SpecError
from .yaml_lines import line_of

FLOW_ID = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9._-]*")
NAMESPACE = re.compile(r"[a-z0-9][a-z0-9._-]*")
TASK_ID = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_-]*")
TRIGGER_ID = TASK_ID
INPUT_ID = re.compile(r"[a-zA-Z0-9][.a-zA-Z0-9_-]*")
OUTPUT_ID = INPUT_ID

MAX_FLOW_ID = 100
MAX_NAMESPACE = 150
MAX_TASK_ID = 255  # the varchar columns that keep task and trigger ids


def pattern_problem(value, pattern: re.Pattern, max_length: int | None = None) -> str | None:
    """What is wrong with an id, or None."""
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if max_length is not None and len(value) > max_length:
        return f"'{value}' is longer than {max_length} characters"
    if not pattern.fullmatch(value):
        return f"'{value}' must match ^{pattern.pattern}$"
    return None


def flow_id_problem(value) -> str | None:
    return pattern_problem(value, FLOW_ID, MAX_FLOW_ID)


def namespace_problem(value) -> str | None:
    return pattern_problem(value, NAMESPACE, MAX_NAMESPACE)


def task_id_problem(value) -> str | None:
    return pattern_problem(value, TASK_ID, MAX_TASK_ID)


def input_id_problem(value) -> str | None:
    return pattern_problem(value, INPUT_ID)


def listed_id_errors(item: dict, path: str, line, pattern: re.Pattern, what: str, seen: dict,
                     max_length: int | None = None) -> list:
    """The id of one item of a list of outputs or triggers: present, well formed, and
    unique among its siblings (`seen` maps the ids met so far to their path)."""
    item_id = item.get("id")
    if item_id is None:
        return [SpecError(f"{path}.id", "required property missing", line)]
    problem = pattern_problem(item_id, pattern, max_length)
    if problem:
        return [SpecError(f"{path}.id", f"invalid {what} id: {problem}", line_of(item, "id"))]
    if item_id in seen:
        return [SpecError(f"{path}.id", f"duplicate {what} id '{item_id}' (first at {seen[item_id]})",
                          line_of(item, "id"))]
    seen[item_id] = path
    return []
