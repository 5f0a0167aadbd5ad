"""The expressions guide's entries: every filter, function and test a flow may use,
taken from the registries (so a new one shows without editing the guide), each with
its note (expression_notes) and the arguments its Python signature names."""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from executions.expression_catalog import filter_names, function_names
from expressions.filters import FILTERS
from expressions.functions import FUNCTIONS
from expressions.predicates import TESTS

from . import expression_notes

# Parameters that are not arguments a user writes: the value a filter applies to, the
# render context Jinja passes, and catch-alls of wrappers.
NOT_ARGUMENTS = {"value", "input_", "context"}


@dataclass(frozen=True)
class Entry:
    name: str
    usage: str
    description: str
    arguments: tuple[str, ...]


def arguments(function) -> tuple[str, ...]:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):  # a builtin or a callable object without one
        return ()
    return tuple(p.name for p in parameters if p.name not in NOT_ARGUMENTS
                 and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))


def _entries(names, notes: dict, registry: dict) -> list[Entry]:
    found = []
    for name in names:
        usage, description = notes.get(name, ("", ""))
        function = registry.get(name)
        found.append(Entry(name, usage, description, arguments(function) if function is not None else ()))
    return found


def filters() -> list[Entry]:
    return _entries(filter_names(), expression_notes.FILTERS, FILTERS)


def functions() -> list[Entry]:
    """The expressions package's functions and those the run context adds (kv, secret...)."""
    return _entries(function_names(), expression_notes.FUNCTIONS, FUNCTIONS)


def tests() -> list[Entry]:
    return _entries(sorted(TESTS), expression_notes.TESTS, {})
