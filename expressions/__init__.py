"""Pebble expressions, as Kestra flows write them, rendered on Jinja2's sandbox."""
from .errors import ExpressionError
from .render import is_expression, render, render_value
from .truthy import is_truthy

__all__ = ["ExpressionError", "is_expression", "is_truthy", "render", "render_value"]
