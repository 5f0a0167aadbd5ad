"""Rendering strings, and strings inside nested values."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from .environment import compiled
from .errors import ExpressionError


def is_expression(value) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value or "{#" in value)


def render(template: str, variables: Mapping[str, Any], functions: Mapping[str, Callable] | None = None) -> str:
    if not is_expression(template):
        return template
    context = {**variables, **functions} if functions else variables
    try:
        return compiled(template).render(context)
    except ExpressionError:
        raise
    except UndefinedError as exc:
        raise ExpressionError(f"Unable to render {template.strip()!r}: {exc.message}") from None
    except SecurityError as exc:
        raise ExpressionError(f"Unable to render {template.strip()!r}: not allowed: {exc}") from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise ExpressionError(f"Unable to render {template.strip()!r}: {type(exc).__name__}: {exc}") from None


def render_value(value, variables: Mapping[str, Any], functions: Mapping[str, Callable] | None = None):
    if isinstance(value, str):
        return render(value, variables, functions)
    if isinstance(value, dict):
        return {render(k, variables, functions) if isinstance(k, str) else k: render_value(v, variables, functions)
                for k, v in value.items()}
    if isinstance(value, list):
        return [render_value(v, variables, functions) for v in value]
    return value
