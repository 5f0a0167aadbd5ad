"""Reading `filters[...]` query parameters into a tree of conditions and groups."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q

from ..problems import FieldError, Unprocessable, invalid_parameter

OPS = ("EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL_TO", "LESS_THAN_OR_EQUAL_TO",
       "IN", "NOT_IN", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "NOT_CONTAINS", "IS_NULL", "IS_NOT_NULL", "REGEX",
       "PREFIX")
LIST_OPS = ("IN", "NOT_IN")
_KEY = re.compile(r"^filters((?:\[[^\[\]]*\])+)$")
_PART = re.compile(r"\[([^\[\]]*)\]")


@dataclass
class Condition:
    """`field OP value`; `key` is the map key of a map field (labels)."""

    field: str
    op: str
    value: object  # a str, or a list of str for IN / NOT_IN
    key: str | None = None
    param: str = ""  # the query parameter it came from, for error messages


@dataclass
class Group:
    kind: str = "and"  # "and" | "or"
    children: list = field(default_factory=list)


def parse_filters(params) -> Group:
    """The top-level AND of every `filters[...]` parameter of a QueryDict."""
    root = Group("and")
    groups: dict[tuple, Group] = {(): root}
    for name in params:
        match = _KEY.match(name)
        if not match:
            continue
        parts = _PART.findall(match.group(1))
        for value in params.getlist(name):
            _add(groups, parts, value, name)
    return root


def _group(groups: dict, path: tuple, kind: str) -> Group:
    """The group at `path`, made (and attached to its parent) on first use."""
    if path not in groups:
        group = groups[path] = Group(kind)
        _group(groups, path[:-1], "and").children.append(group)
    return groups[path]


def _add(groups: dict, parts: list[str], value: str, param: str) -> None:
    path: tuple = ()
    while parts and parts[0].lower() in ("or", "and"):
        if len(parts) < 2 or not parts[1].isdigit():
            raise invalid_parameter(param, f"'{parts[0]}' must be followed by an index: filters[{parts[0]}][0][...]")
        kind = parts[0].lower()
        _group(groups, path + ((kind,),), kind)
        path = path + ((kind,), (parts[1],))
        _group(groups, path, "and")
        parts = parts[2:]
    if len(parts) < 2:
        raise invalid_parameter(param, "expected filters[field][OPERATION]=value")
    name, op, rest = parts[0], parts[1].upper(), parts[2:]
    if op not in OPS:
        raise invalid_parameter(param, f"unknown operation {parts[1]!r}; known: {', '.join(OPS)}")
    key = None
    if rest and rest != ["value"]:  # `[value]` is an unwrapped {"value": x}
        if len(rest) > 1:
            raise invalid_parameter(param, "too many [...] parts")
        key = rest[0]
    parsed = [item.strip() for item in value.split(",") if item.strip()] if op in LIST_OPS else value
    _group(groups, path, "and").children.append(Condition(name, op, parsed, key, param))


def to_q(group: Group, fields: dict) -> Q:
    """The group as one Q over the endpoint's `fields`."""
    combined = Q()
    for child in group.children:
        q = to_q(child, fields) if isinstance(child, Group) else _condition_q(child, fields)
        combined = (combined | q if combined else q) if group.kind == "or" else combined & q
    return combined


def _condition_q(condition: Condition, fields: dict) -> Q:
    kind = fields.get(condition.field)
    if kind is None:
        raise Unprocessable(f"Unknown filter field {condition.field!r}; known: {', '.join(fields)}",
                            [FieldError("unknown filter field", condition.param or condition.field)])
    return kind.q(condition)
