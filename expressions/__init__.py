"""Pebble expressions, as Kestra flows write them, rendered on Jinja2's sandbox.

    render(template, variables, functions=None, budget=None) -> str
    render_value(value, variables, functions=None, budget=None)  strings inside dicts and lists too
    is_expression(text) -> bool
    is_truthy(rendered) -> bool                     Kestra's rule for conditions
    Limits, Budget                                  what one render may cost (limits.py, budget.py)
    within(budget)                                  a block of renders under one budget
    bound_outside_renders(limits)                   where the limits outside any render come from
    ExpressionError                                 anything wrong, with a message that says what
    LimitExceeded                                   an ExpressionError naming the limit it hit
    RenderInterrupted                               the task's own timeout or kill stopped the render

A template is transpiled once from Pebble to Jinja (transpile.py: lexer, parser, emit),
compiled and cached (environment.py), and rendered with Kestra's output rules (output.py).
"""
from .budget import Budget, bound_outside_renders, within
from .errors import ExpressionError
from .limits import LimitExceeded, Limits, RenderInterrupted
from .render import is_expression, render, render_value
from .truthy import is_truthy

__all__ = ["Budget", "ExpressionError", "bound_outside_renders", "LimitExceeded", "Limits", "RenderInterrupted", "is_expression", "is_truthy",
           "render", "render_value", "within"]
