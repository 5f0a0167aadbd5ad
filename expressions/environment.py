"""The sandboxed Jinja environment that runs transpiled Pebble, and the cache of
compiled templates (the same expressions render thousands of times).

Attribute and item access never reach Python attributes: maps give their keys, lists
their items, and a few Java getters exist (methods.py); anything else is undefined, and
names starting with `_` are refused outright. Calls go through the sandbox and fail on
undefined arguments, as Pebble's strict mode."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from jinja2 import Undefined
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import fallbacks, iteration, operators
from .budget import current
from .codegen import HelperCalls, KestraCodeGenerator
from .errors import ExpressionError
from .filters import FILTERS
from .functions import FUNCTIONS
from .methods import call_method, getter
from .output import text
from .predicates import TESTS
from .transpile import transpile
from .undefined import KestraUndefined

HELPERS = {
    "add": operators.add, "sub": operators.sub, "mul": operators.mul, "div": operators.div,
    "mod": operators.mod, "neg": operators.neg, "pos": operators.pos,
    "eq": operators.eq, "ne": operators.ne, "lt": operators.lt, "le": operators.le, "gt": operators.gt,
    "ge": operators.ge, "concat": operators.concat, "contains": operators.contains, "is_in": operators.is_in,
    "not_in": operators.not_in, "range": iteration.range_, "iter": iteration.iterate,
    "coalesce": fallbacks.coalesce, "if_undefined": fallbacks.if_undefined, "default": fallbacks.default,
    "defined": fallbacks.defined, "method": call_method,
    "context": lambda context: {k: v for k, v in context.get_all().items() if not callable(v)},
    "variable": lambda context, name: context.resolve(name),  # a variable named like a Jinja keyword
}
CACHE_SIZE = 4096


def bounded_concat(parts) -> str:
    """What Jinja joins a template's (and a macro's, a block's) output with: parts are
    counted as they come, so an output over the limit stops before it is built."""
    budget = current()
    limit, size, kept = budget.limits.max_output, 0, []
    for part in parts:
        size += len(part)
        if size > limit:
            budget.check_size(size)
        kept.append(part)
    return "".join(kept)


class PebbleEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = KestraCodeGenerator
    concat = staticmethod(bounded_concat)

    def __init__(self):
        super().__init__(undefined=KestraUndefined, finalize=text, autoescape=False, keep_trailing_newline=True,
                         auto_reload=False)
        self.filters = dict(FILTERS)
        self.tests = dict(TESTS)
        self.globals = dict(FUNCTIONS)
        for name, function in HELPERS.items():
            setattr(self, f"kestra_{name}", function)

    def _parse(self, source, name, filename):
        return HelperCalls().visit(super()._parse(source, name, filename))

    def getattr(self, obj, attribute):
        if type(obj) is dict or isinstance(obj, Mapping):
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return self._member(obj, attribute)

    def getitem(self, obj, argument):
        if isinstance(obj, Undefined):
            return obj
        if isinstance(obj, Mapping):
            try:
                return obj[argument]
            except (KeyError, TypeError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, (list, tuple, str)) and isinstance(argument, int) and not isinstance(argument, bool):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=argument)
        if isinstance(argument, str):
            return self._member(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def _member(self, obj, attribute):
        if isinstance(obj, Undefined):
            return obj
        if isinstance(attribute, str) and attribute.startswith("_"):
            raise SecurityError(f"access to attribute '{attribute}' is not allowed")
        if isinstance(obj, LoopContext):  # loop.index0, loop.first ... of {% for %}
            return super().getattr(obj, attribute)
        found, value = getter(obj, attribute)
        return value if found else self.undefined(obj=obj, name=attribute)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        current().check_time()  # functions and macros: a recursive macro is a loop too
        if isinstance(__obj, Undefined):
            __obj()  # fails with "Function or Macro [name] does not exist"
        for value in (*args, *kwargs.values()):
            if isinstance(value, Undefined):
                value._fail_with_undefined_error()
        return super().call(__context, __obj, *args, **kwargs)


ENVIRONMENT = PebbleEnvironment()


@lru_cache(maxsize=CACHE_SIZE)
def compiled(source: str):
    """The Jinja template for a Pebble template, compiled once per distinct source."""
    try:
        return ENVIRONMENT.from_string(transpile(source))
    except TemplateSyntaxError as exc:
        raise ExpressionError(f"Invalid expression at line {exc.lineno}: {exc.message} in `{source.strip()}`") \
            from None
    except RecursionError:  # the parsers recurse once per level of brackets
        shown = source.strip()
        raise ExpressionError(f"Invalid expression: nested too deeply in `{shown[:200]}"
                              f"{'...' if len(shown) > 200 else ''}`") from None
