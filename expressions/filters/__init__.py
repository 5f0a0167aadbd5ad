"""Every filter a template may use, one family a module. Each is wrapped so that an
undefined input or argument fails naming the variable (Pebble's strict mode), a
Python error inside names the filter, the render's deadline is checked before it runs
and what it builds is held to the size limit (the filters that can multiply a size
check theirs before building it)."""
from __future__ import annotations

import functools

from jinja2 import Undefined
from jinja2.exceptions import UndefinedError

from ..budget import current
from ..errors import ExpressionError
from ..fallbacks import is_empty
from .collections import FILTERS as COLLECTIONS
from .dates import FILTERS as DATES
from .encoding import FILTERS as ENCODING
from .json import FILTERS as JSON
from .numbers import FILTERS as NUMBERS
from .strings import FILTERS as STRINGS
from .types import FILTERS as TYPES
from .yaml import FILTERS as YAML


def strict(name: str, function):
    @functools.wraps(function)
    def apply(*args, **kwargs):
        for value in (*args, *kwargs.values()):
            if isinstance(value, Undefined):
                value._fail_with_undefined_error()
        budget = current()
        budget.check_time()
        try:
            result = function(*args, **kwargs)
        except (ExpressionError, UndefinedError):
            raise
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            raise ExpressionError(f"Filter '{name}': {exc}") from None
        if isinstance(result, (str, list, dict)) and len(result) > budget.limits.max_output:
            budget.check_size(len(result), "string" if isinstance(result, str) else "collection")
        return result

    return apply


def default(value, /, default=None):
    """The filter-block form of `default` (`a | default(b)` is compiled lazily, see
    fallbacks.default)."""
    return default if value is None or isinstance(value, Undefined) or is_empty(value) else value


FILTERS = {
    name: strict(name, function)
    for family in (STRINGS, ENCODING, NUMBERS, TYPES, COLLECTIONS, JSON, YAML, DATES)
    for name, function in family.items()
}
FILTERS["default"] = default
