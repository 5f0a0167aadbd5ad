"""Rendering strings, and the strings inside nested values, with Kestra's error
messages: a missing variable is reported as Kestra reports it, naming the variable,
the expression and the line."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from . import budget as budgets
from .budget import Budget
from .environment import compiled
from .errors import ExpressionError
from .limits import LimitExceeded, RenderInterrupted
from .simple_paths import render_simple
from .undefined import MissingVariableError


def is_expression(value) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value or "{#" in value)


def render(template: str, variables: Mapping[str, Any], functions: Mapping[str, Callable] | None = None,
           budget: Budget | None = None) -> str:
    """One string rendered against the variables, within `budget` (default Limits when
    None; a render called from inside a render shares its caller's). Text without
    expressions comes back as it is, without touching the template machinery."""
    if "{" not in template or not ("{{" in template or "{%" in template or "{#" in template):
        return template
    token = budgets.opened(budget)
    try:
        return _render(template, variables, functions)
    finally:
        budgets.closed(token)


def _render(template: str, variables: Mapping[str, Any], functions: Mapping[str, Callable] | None) -> str:
    context = {**variables, **functions} if functions else variables
    try:
        simple = render_simple(template, context)
    except LimitExceeded as exc:  # an output over the limit, as the compiled template reports it
        raise exc.in_expression(template) from None
    if simple is not None:
        return simple
    jinja_template = compiled(template)  # syntax errors are already ExpressionErrors naming the template
    try:
        return jinja_template.render(context)
    except LimitExceeded as exc:  # kept as it is, for the engine and users to tell by type and limit
        raise exc.in_expression(template) from None
    except RenderInterrupted:
        raise
    except ExpressionError as exc:
        if "`" + template.strip() + "`" in str(exc):
            raise
        raise ExpressionError(f"Unable to render `{template.strip()}`: {exc}") from None
    except MissingVariableError as exc:
        raise ExpressionError(_missing(exc, template)) from None
    except UndefinedError as exc:
        raise ExpressionError(f"Unable to render `{template.strip()}`: {exc.message}") from None
    except SecurityError as exc:
        raise ExpressionError(f"Unable to render `{template.strip()}`: not allowed: {exc}") from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError, RecursionError) \
            as exc:
        raise ExpressionError(f"Unable to render `{template.strip()}`: {type(exc).__name__}: {exc}") from None


def _missing(exc: MissingVariableError, template: str) -> str:
    if str(exc).startswith("Function or Macro"):
        return f"{exc} in the expression `{template.strip()}` at line {_line(exc)}"
    return f"Unable to find `{exc.name}` used in the expression `{template.strip()}` at line {_line(exc)}"


def _line(exc: BaseException) -> int:
    """The template line Jinja recorded in the traceback (its frames carry template lines)."""
    line, tb = 1, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_value(value, variables: Mapping[str, Any], functions: Mapping[str, Callable] | None = None,
                 budget: Budget | None = None):
    """Strings rendered anywhere in nested dicts and lists (keys too); other values as
    they are. One budget bounds the whole value."""
    if isinstance(value, str):
        return render(value, variables, functions, budget)
    if not isinstance(value, (dict, list)):
        return value
    token = budgets.opened(budget)
    try:
        return _render_value(value, variables, functions)
    finally:
        budgets.closed(token)


def _render_value(value, variables, functions):
    if isinstance(value, str):
        return render(value, variables, functions)
    if isinstance(value, dict):
        return {(render(k, variables, functions) if isinstance(k, str) else k): _render_value(v, variables, functions)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_render_value(v, variables, functions) for v in value]
    return value
