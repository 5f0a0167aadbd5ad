"""The sandboxed Jinja2 environment that renders Pebble, and its compiled-template cache."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from .errors import ExpressionError
from .filters import FILTERS
from .functions import FUNCTIONS
from .output import java_str
from .transpile import transpile
from .undefined import KestraUndefined


def _java_divide(left, right):
    """Integer / integer is Java's long division (truncating toward zero), as in Pebble."""
    if isinstance(left, int) and isinstance(right, int) and not isinstance(left, bool) and right:
        quotient = abs(left) // abs(right)
        return quotient if (left >= 0) == (right >= 0) else -quotient
    return left / right


class PebbleEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset(["/"])

    def getattr(self, obj, attribute):
        """`map.key` reads the key only, as in Pebble: a task called `get`, `items` or
        `values` must not resolve to a dict method."""
        if isinstance(obj, Mapping):
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        if operator == "/":
            return _java_divide(left, right)
        return super().call_binop(context, operator, left, right)


def _build() -> PebbleEnvironment:
    env = PebbleEnvironment(undefined=KestraUndefined, finalize=java_str, autoescape=False,
                            keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.globals.update(FUNCTIONS)
    env.tests.update({
        "null": lambda v: v is None,
        "empty": lambda v: v is None or v == "" or v == [] or v == {},
        "map": lambda v: isinstance(v, dict),
    })
    return env


ENVIRONMENT = _build()


@lru_cache(maxsize=8192)
def compiled(source: str):
    try:
        return ENVIRONMENT.from_string(transpile(source))
    except TemplateSyntaxError as exc:
        raise ExpressionError(f"Invalid expression at line {exc.lineno}: {exc.message} in {source!r}") from None
