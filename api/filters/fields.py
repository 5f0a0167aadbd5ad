"""Kinds of filterable fields: each knows its operations and turns a Condition into a Q
on its model column. An endpoint maps Kestra's names to them:

    FIELDS = {"namespace": Text("namespace"), "flowId": Text("flow_id"),
              "state": Choice("state", STATES), "startDate": Date("start_date"),
              "q": Search(["id", "namespace", "flow_id"]), "labels": Custom(labels_q, map=True)}
"""
from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import UTC, datetime

from django.db import DataError, connection, transaction
from django.db.models import Q
from django.utils.dateparse import parse_datetime
from django.utils.timezone import get_current_timezone, is_naive, make_aware

from kestraweb.access import namespace_children

from ..problems import invalid_parameter
from .parse import Condition

_NULL_OPS = ("IS_NULL", "IS_NOT_NULL")


class Field:
    ops: tuple[str, ...] = ()
    map = False  # takes filters[field][OP][key]=value

    def __init__(self, column: str):
        self.column = column

    def q(self, condition: Condition) -> Q:
        if condition.op not in self.ops:
            raise invalid_parameter(condition.param or condition.field,
                                    f"operation {condition.op} is not allowed on {condition.field!r}; "
                                    f"allowed: {', '.join(self.ops)}")
        if condition.key is not None and not self.map:
            raise invalid_parameter(condition.param, f"{condition.field!r} takes no [key]")
        if self.map and condition.key is None and isinstance(condition.value, str):
            # `filters[labels][EQUALS]=env:prod`, as Kestra's UI sends a label too
            key, _, value = condition.value.partition(":")
            if not key or not value:
                raise invalid_parameter(condition.param, f"expected [key]=value or key:value, not {condition.value!r}")
            condition = Condition(condition.field, condition.op, value, key, condition.param)
        if condition.op in _NULL_OPS:
            return Q(**{f"{self.column}__isnull": condition.op == "IS_NULL"})
        value = ([self.convert(v, condition) for v in condition.value] if isinstance(condition.value, list)
                 else self.convert(condition.value, condition))
        return self.lookup(condition.op, value, condition)

    def convert(self, value: str, condition: Condition):
        return value

    def lookup(self, op: str, value, condition: Condition) -> Q:
        c = self.column
        simple = {"EQUALS": "exact", "GREATER_THAN": "gt", "LESS_THAN": "lt", "GREATER_THAN_OR_EQUAL_TO": "gte",
                  "LESS_THAN_OR_EQUAL_TO": "lte", "IN": "in", "STARTS_WITH": "startswith", "ENDS_WITH": "endswith",
                  "CONTAINS": "contains"}
        if op in simple:
            return Q(**{f"{c}__{simple[op]}": value})
        if op == "NOT_EQUALS":
            return ~Q(**{c: value})
        if op == "NOT_IN":
            return ~Q(**{f"{c}__in": value})
        if op == "NOT_CONTAINS":
            return ~Q(**{f"{c}__contains": value})
        if op == "REGEX":
            problem = regex_problem(value)
            if problem:
                raise invalid_parameter(condition.param, f"invalid regular expression: {problem}")
            return Q(**{f"{c}__regex": value})
        if op == "PREFIX":  # a namespace and its children
            return Q(**{c: value}) | namespace_children(c, value)
        raise AssertionError(op)  # ops lists only what lookup handles


def regex_problem(pattern: str) -> str | None:
    """Why the database cannot match with `pattern`, or None. SQLite matches with
    Python's `re`; PostgreSQL with its own dialect, which refuses some patterns Python
    takes (`a{1000}`: at most 255 repeats; `(?P<name>...)`), failing the whole search
    with a 500. So PostgreSQL is asked, on an empty string, in a savepoint that keeps
    the request's transaction usable."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    if connection.vendor != "postgresql":
        return None
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT '' ~ %s", [pattern])
    except DataError as exc:
        return str(exc).strip()
    return None


class Text(Field):
    ops = ("EQUALS", "NOT_EQUALS", "IN", "NOT_IN", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "NOT_CONTAINS", "REGEX",
           "PREFIX", "IS_NULL", "IS_NOT_NULL")


class Namespace(Text):
    """A namespace column of `model`. PREFIX (the namespace and its children) is two index
    ranges, which no index reads in start-date order: every matching row is read and
    sorted for a page of 25. Where `model` has no row in a child namespace (the usual
    case; one index seek says so) it is the namespace alone, which a (namespace,
    start_date) index walks in order, stopping after the page. Same rows either way."""

    def __init__(self, column: str, model):
        super().__init__(column)
        self.model = model

    def lookup(self, op: str, value, condition: Condition) -> Q:
        if op == "PREFIX" and not self.model.objects.filter(namespace_children(self.column, value)).exists():
            return Q(**{self.column: value})
        return super().lookup(op, value, condition)


class Choice(Field):
    """A field of known values (a state, a level): an unknown value is a 422 naming it."""

    ops = ("EQUALS", "NOT_EQUALS", "IN", "NOT_IN")

    def __init__(self, column: str, choices):
        super().__init__(column)
        self.choices = [str(c) for c in choices]

    def convert(self, value: str, condition: Condition):
        if value not in self.choices:
            raise invalid_parameter(condition.param, f"unknown {condition.field} {value!r}; known: "
                                                     f"{', '.join(self.choices)}")
        return value


class Number(Field):
    ops = ("EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL_TO", "LESS_THAN_OR_EQUAL_TO",
           "IN", "NOT_IN", "IS_NULL", "IS_NOT_NULL")

    def convert(self, value: str, condition: Condition):
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            raise invalid_parameter(condition.param, f"{value!r} is not a number") from None


def parse_instant(value: str, param: str) -> datetime:
    """An ISO-8601 date-time (`2024-01-01T10:00:00Z`; no zone = the server's); 422 else."""
    parsed = None
    with contextlib.suppress(ValueError):  # a well-formed but impossible date (month 13)
        parsed = parse_datetime(value.replace(" ", "+"))  # a `+` in a query string arrives as a space
    if parsed is None:
        raise invalid_parameter(param, f"{value!r} is not an ISO-8601 date-time")
    if is_naive(parsed):
        parsed = make_aware(parsed, get_current_timezone())
    try:
        # The database is given the instant in UTC: one in year 1 or 9999 with an offset
        # falls outside Python's years 1-9999 there (an OverflowError, a 500 before).
        parsed.astimezone(UTC)
    except OverflowError:
        raise invalid_parameter(param, f"{value!r} is out of range: years 1 to 9999 in UTC") from None
    return parsed


class Date(Field):
    ops = ("EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "GREATER_THAN_OR_EQUAL_TO", "LESS_THAN_OR_EQUAL_TO",
           "IS_NULL", "IS_NOT_NULL")

    def convert(self, value: str, condition: Condition):
        return parse_instant(value, condition.param or condition.field)


class Search(Field):
    """Kestra's `q`: the text in any of several columns, ignoring case."""

    ops = ("EQUALS", "CONTAINS")

    def __init__(self, columns: list[str]):
        super().__init__(columns[0])
        self.columns = columns

    def lookup(self, op: str, value, condition: Condition) -> Q:
        found = Q()
        for column in self.columns:
            found |= Q(**{f"{column}__icontains": value})
        return found


class Custom(Field):
    """Any other field: `to_q(condition) -> Q` decides (labels, scope, childFilter)."""

    def __init__(self, to_q: Callable[[Condition], Q], ops: tuple[str, ...] = ("EQUALS", "NOT_EQUALS"),
                 map: bool = False):  # noqa: A002 - Kestra's word for a keyed field
        super().__init__("")
        self.to_q, self.ops, self.map = to_q, ops, map

    def lookup(self, op: str, value, condition: Condition) -> Q:
        return self.to_q(Condition(condition.field, op, value, condition.key, condition.param))
