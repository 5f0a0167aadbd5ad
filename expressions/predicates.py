"""Pebble's tests (`x is null`, `is empty`, `is even` ...) and Kestra's `is json`.
`is defined` is compiled lazily instead (operators.defined): it must see a missing
variable without failing, every other test fails on one, as in strict Pebble."""
from __future__ import annotations

import json

from jinja2 import Undefined

from .errors import ExpressionError
from .fallbacks import is_empty


def _strict(test):
    def apply(value, *args):
        if isinstance(value, Undefined):
            value._fail_with_undefined_error()
        return test(value, *args)

    apply.__name__ = test.__name__
    return apply


def _integer(value, name):
    if value is None:
        raise ExpressionError(f'Can not pass null value to "{name}" test.')
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExpressionError(f'The "{name}" test expects a number.')
    return int(value)


def is_json(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


TESTS = {
    "null": _strict(lambda v: v is None),
    "none": _strict(lambda v: v is None),
    "empty": _strict(is_empty),
    "even": _strict(lambda v: _integer(v, "even") % 2 == 0),
    "odd": _strict(lambda v: _integer(v, "odd") % 2 == 1),
    "iterable": _strict(lambda v: isinstance(v, (list, tuple, set))),  # a Java Map is not Iterable
    "map": _strict(lambda v: isinstance(v, dict)),
    "json": _strict(is_json),
    "defined": lambda v: v is not None and not isinstance(v, Undefined),
}
