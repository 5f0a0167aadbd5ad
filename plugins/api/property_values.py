"""Reading a value as its declared Property says, the one reader behind validation and
run time (Kestra reads a `Property<T>` with Jackson, then again once rendered):

- `problems(prop, value)`: when a flow is saved, every problem of the value as written,
  with where it is (the map or list and key holding it, for its YAML line). A dynamic
  value that holds an expression is left to run time.
- `coerce(prop, value)`: at run time, the rendered value converted to the declared
  kind: an integer from "3", a boolean from "true", a timedelta from "PT5S", an enum
  value in its declared spelling, a list or a map from the JSON text an expression
  rendered; raises ValueInvalid for the first problem.

Scalars are read the way Kestra's Jackson does (`"5"` is a fine integer, `5` a fine
string), so only values Kestra would refuse are refused."""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from .durations import DurationError, parse_duration
from .properties import Property

NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
INTEGER = re.compile(r"\s*[-+]?\d+\s*")
# Item kinds that flows.spec checks on its own (each a plugin or a declaration of its own).
CHECKED_ELSEWHERE = ("any", "tasks", "task", "input", "condition", "trigger", "state")


@dataclass(frozen=True)
class Problem:
    """What is wrong at `sub` below the property (`""`, `.interval`, `[0].task`);
    `container[key]` holds the bad value (None: the property's own value)."""
    sub: str
    container: Any
    key: Any
    message: str


class ValueInvalid(ValueError):
    """A value that cannot be read as its declaration says; `sub` is where below the
    property."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def has_expression(value: Any) -> bool:
    """Whether a value holds a Pebble expression or tag anywhere."""
    if isinstance(value, str):
        return "{{" in value or "{%" in value
    if isinstance(value, dict):
        return any(has_expression(v) for v in value.values())
    if isinstance(value, list):
        return any(has_expression(v) for v in value)
    return False


def shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a map"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def problems(prop: Property, value: Any) -> list[Problem]:
    """Every problem of a value as written in a flow (expressions left to run time)."""
    reader = _Reader(literal=True)
    reader.read(prop, value, "", None, None, prop.name)
    return reader.problems


def coerce(prop: Property, value: Any) -> Any:
    """The rendered value as the declared kind; raises ValueInvalid."""
    reader = _Reader(literal=False)
    result = reader.read(prop, value, "", None, None, prop.name)
    if reader.problems:
        raise ValueInvalid(reader.problems[0])
    return result


class _Bad(Exception):
    """A scalar that is not of its kind (message only; the reader adds where)."""


class _Reader:
    """One walk over a value and its declaration. `literal`: the value as written in a
    flow (validation: expressions skipped, values kept as written); else a rendered
    value converted to its kind."""

    def __init__(self, literal: bool):
        self.literal = literal
        self.problems: list[Problem] = []

    def fail(self, sub: str, container: Any, key: Any, message: str) -> None:
        self.problems.append(Problem(sub, container, key, message))

    def read(self, prop: Property, value: Any, sub: str, container: Any, key: Any, label: str) -> Any:
        if value is None:
            return None
        if self.literal and prop.dynamic and has_expression(value):
            return value
        if prop.kind == "one_of":
            return self._one_of(prop, value, sub, container, key, label)
        if not self.literal and isinstance(value, str) and prop.kind in ("object", "array"):
            value = _json_text(value)  # an expression rendered a list or a map as JSON text
        try:
            converted = _scalar(prop, value)
        except _Bad as exc:
            self.fail(sub, container, key, str(exc))
            return value
        problem = _bounds(prop, converted)
        if problem:
            self.fail(sub, container, key, problem)
            return value
        if prop.kind == "object" and prop.fields:
            converted = self._fields(prop, converted, sub, label)
        elif prop.kind == "array":
            converted = self._items(prop, converted, sub)
        return value if self.literal else converted

    def _fields(self, prop: Property, mapping: dict[str, Any], sub: str, label: str,
                allowed: tuple[str, ...] = ()) -> dict[str, Any]:
        declared = {field.name: field for field in prop.fields}
        aliases = {alias: field for field in prop.fields for alias in field.aliases}
        result = {}
        for key, item in mapping.items():
            field = declared.get(key) or aliases.get(key)
            if field is None:
                if key not in allowed:
                    self.fail(f"{sub}.{key}", mapping, key,
                              f"unknown property '{key}' of {label}; known: {', '.join(declared)}")
                result[key] = item
                continue
            result[key] = self.read(field, item, f"{sub}.{key}", mapping, key, field.name)
        for field in prop.fields:
            if field.required and all(mapping.get(name) is None for name in (field.name, *field.aliases)):
                self.fail(f"{sub}.{field.name}", mapping, field.name, f"required property missing of {label}")
        return result

    def _items(self, prop: Property, items: list[Any], sub: str) -> list[Any]:
        declared = prop.item()
        if declared is None and (prop.items is None or prop.items in CHECKED_ELSEWHERE):
            return items
        if declared is None:
            declared = Property(prop.name, str(prop.items), dynamic=prop.dynamic)
        result = []
        for index, item in enumerate(items):
            if prop.fields and not isinstance(item, dict):
                result.append(item)  # a list of maps written the older way: other items are its type's business
                continue
            result.append(self.read(declared, item, f"{sub}[{index}]", items, index, prop.name))
        return result

    def _one_of(self, prop: Property, value: Any, sub: str, container: Any, key: Any, label: str) -> Any:
        if prop.discriminator:
            return self._tagged(prop, value, sub, container, key, label)
        for option in prop.one_of:
            trial = _Reader(self.literal)
            result = trial.read(option, value, sub, container, key, label)
            if not trial.problems:
                return result
        shaped = [option for option in prop.one_of if _same_shape(option, value)]
        if len(shaped) == 1:  # a list of the wrong items: say which item, not only "a string or a list"
            return self.read(shaped[0], value, sub, container, key, label)
        self.fail(sub, container, key, f"must be {' or '.join(describe(option) for option in prop.one_of)}, "
                                       f"not {shown(value)}")
        return value

    def _tagged(self, prop: Property, value: Any, sub: str, container: Any, key: Any, label: str) -> Any:
        tag_key = str(prop.discriminator)
        names = ", ".join(option.name for option in prop.one_of)
        if not isinstance(value, dict):
            self.fail(sub, container, key, f"must be a map with a {tag_key}: {names}")
            return value
        if value.get(tag_key) is None:
            self.fail(f"{sub}.{tag_key}", value, tag_key, f"required property missing: {names}")
            return value
        option = prop.alternative(value[tag_key])
        if option is None:
            self.fail(f"{sub}.{tag_key}", value, tag_key, f"must be one of {names}, not {value[tag_key]!r}")
            return value
        converted = self._fields(option, value, sub, f"a {option.name} {label}", allowed=(tag_key,))
        return value if self.literal else converted


def _json_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value  # not JSON: the kind check says what it should have been


def _same_shape(prop: Property, value: Any) -> bool:
    if isinstance(value, list):
        return prop.kind in ("array", "tasks")
    if isinstance(value, dict):
        return prop.kind == "object" or (prop.kind == "one_of" and prop.discriminator is not None)
    return False


def describe(prop: Property) -> str:
    """A declaration in words, for "must be a string or a list of strings"."""
    if prop.kind == "array":
        item = prop.item()
        inner = describe(item) if item else str(prop.items or "any")
        return f"a list of {inner.removeprefix('a ').removeprefix('an ')}s" if inner != "any" else "a list"
    if prop.kind == "object":
        return "a map"
    if prop.kind == "enum":
        return "one of " + ", ".join(map(str, prop.values))
    if prop.kind == "one_of":
        return " or ".join(describe(option) for option in prop.one_of)
    return {"integer": "an integer", "any": "anything", "duration": "a duration"}.get(prop.kind, f"a {prop.kind}")


def _scalar(prop: Property, value: Any) -> Any:
    """`value` as the property's kind, Jackson's way; raises _Bad."""
    kind = prop.kind
    if kind == "string":
        if isinstance(value, (dict, list)):
            raise _Bad(f"must be a string, not {shown(value)}")
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)
    if kind == "integer":
        if isinstance(value, bool):
            raise _Bad(f"must be an integer, not {shown(value)}")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and INTEGER.fullmatch(value):
            return int(value)
        raise _Bad(f"must be an integer, not {shown(value)}")
    if kind == "number":
        if isinstance(value, bool):
            raise _Bad(f"must be a number, not {shown(value)}")
        if isinstance(value, (int, float)) and math.isfinite(value):
            return value
        if isinstance(value, str) and NUMBER.fullmatch(value):
            number = float(value)
            return int(number) if INTEGER.fullmatch(value) else number
        raise _Bad(f"must be a number, not {shown(value)}")
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        raise _Bad(f"must be true or false, not {shown(value)}")
    if kind == "duration":
        return _duration(value)
    if kind == "enum":
        if isinstance(value, (dict, list)) or value is True or value is False:
            raise _Bad(f"must be one of {', '.join(map(str, prop.values))}, not {shown(value)}")
        for allowed in prop.values:
            if str(allowed).upper() == str(value).upper():
                return allowed
        if not prop.values:
            return value
        raise _Bad(f"must be one of {', '.join(map(str, prop.values))}, not {shown(value)}")
    if kind == "object" and not isinstance(value, dict):
        raise _Bad(f"must be a map, not {shown(value)}")
    if kind in ("array", "tasks") and not isinstance(value, list):
        raise _Bad(f"must be a list, not {shown(value)}")
    if kind == "task" and not isinstance(value, dict):
        raise _Bad(f"must be a task (a map with id and type), not {shown(value)}")
    return value


def _duration(value: Any) -> timedelta:
    if isinstance(value, (bool, dict, list)):
        raise _Bad(f"must be an ISO-8601 duration like PT5M, not {shown(value)}")
    try:
        return parse_duration(value)
    except DurationError as exc:
        raise _Bad(f"must be an ISO-8601 duration like PT5M or PT0.5S: {exc}") from None


def _bounds(prop: Property, value: Any) -> str | None:
    """Kestra's @Min/@Max, @Size and @NotBlank on a value already of its kind."""
    if prop.kind in ("integer", "number"):
        if prop.minimum is not None and value < prop.minimum:
            return f"must be at least {_number(prop.minimum)}, not {shown(value)}"
        if prop.maximum is not None and value > prop.maximum:
            return f"must be at most {_number(prop.maximum)}, not {shown(value)}"
    if prop.kind in ("array", "tasks"):
        if prop.min_items is not None and len(value) < prop.min_items:
            return f"must hold at least {prop.min_items} item{'s' * (prop.min_items != 1)}, not {len(value)}"
        if prop.max_items is not None and len(value) > prop.max_items:
            return f"must hold at most {prop.max_items} item{'s' * (prop.max_items != 1)}, not {len(value)}"
    if prop.kind == "string":
        if prop.min_length is not None and len(value.strip()) < prop.min_length:
            return f"must be at least {prop.min_length} character{'s' * (prop.min_length != 1)} long"
        if prop.max_length is not None and len(value) > prop.max_length:
            return f"must be at most {prop.max_length} characters long, not {len(value)}"
    return None


def _number(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else str(bound)
