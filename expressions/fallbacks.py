"""The operators that must see a missing variable without failing: `a ?? b`,
`a ??? b`, `a | default(b)` and `a is defined`. Their left side arrives as a function
(codegen.py), so a missing variable anywhere in it, even inside a filter, falls back
as in Pebble (which catches AttributeNotFoundException there)."""
from __future__ import annotations

from jinja2 import Undefined
from jinja2.exceptions import UndefinedError


def coalesce(left, right):
    """`a ?? b`: b when a is undefined or null; b is only evaluated when needed."""
    try:
        value = left()
    except UndefinedError:
        return right()
    return right() if value is None or isinstance(value, Undefined) else value


def if_undefined(left, right):
    """`a ??? b`: b only when a is undefined (a null a stays null)."""
    try:
        value = left()
    except UndefinedError:
        return right()
    return right() if isinstance(value, Undefined) else value


def defined(value) -> bool:
    """`a is defined`: false when a is undefined or null, as Pebble's DefinedTest."""
    try:
        result = value()
    except UndefinedError:
        return False
    return result is not None and not isinstance(result, Undefined)


def default(value, fallback=None):
    """`a | default(b)`: b when a is undefined, null or empty (blank string, empty list
    or map)."""
    try:
        result = value()
    except UndefinedError:
        return fallback
    return fallback if isinstance(result, Undefined) or is_empty(result) else result


def is_empty(value) -> bool:
    """Pebble's EmptyTest: null, a blank string, an empty collection or map."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, dict)):
        return not value
    return False
