"""Pebble expressions, as Kestra flows write them, rendered on Jinja2's sandbox.

    render(template, variables, functions=None) -> str
    render_value(value, variables, functions=None)  strings inside dicts and lists too
    is_expression(text) -> bool
    is_truthy(rendered) -> bool                     Kestra's rule for conditions
    ExpressionError                                 anything wrong, with a message that says what

A template is transpiled once from Pebble to Jinja (transpile.py: lexer, parser, emit),
compiled and cached (environment.py), and rendered with Kestra's output rules (output.py).
"""
from .errors import ExpressionError
from .render import is_expression, render, render_value
from .truthy import is_truthy

__all__ = ["ExpressionError", "is_expression", "is_truthy", "render", "render_value"]
