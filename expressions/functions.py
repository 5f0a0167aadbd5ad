"""Pure functions every expression may call; the engine adds the runtime ones
(kv, secret, read, errorLogs ...) per render."""
from __future__ import annotations

import random
import uuid
from datetime import datetime

from jinja2 import Undefined, pass_context

from .errors import ExpressionError
from .filters.dates import zone
from .filters.json import from_json
from .output import compact_json


def kestra_coalesce(value, fallback):
    """`a ?? b`: b when a is null or undefined."""
    return fallback if value is None or isinstance(value, Undefined) else value


def kestra_if_undefined(value, fallback):
    """`a ??? b`: b only when a is undefined."""
    return fallback if isinstance(value, Undefined) else value


def kestra_contains(container, item):
    if container is None or isinstance(container, Undefined):
        return False
    if isinstance(container, str):
        return str(item) in container
    if isinstance(container, dict):
        return item in container
    if isinstance(item, (list, tuple)):
        return all(i in container for i in item)
    return item in container


def kestra_range(start, end, step=1):
    """Pebble ranges include their end: 1..3 is 1, 2, 3."""
    step = int(step)
    if step == 0:
        raise ExpressionError("range: step must not be 0")
    return list(range(int(start), int(end) + (1 if step > 0 else -1), step))


def now(timeZone=None):
    return datetime.now(zone(timeZone))


@pass_context
def render(context, expression, recursive=True):
    from .render import render as render_text

    if not isinstance(expression, str):
        return expression
    variables = context.get_all()
    result = render_text(expression, variables)
    seen = {expression}
    while recursive and isinstance(result, str) and ("{{" in result or "{%" in result) and result not in seen:
        seen.add(result)
        result = render_text(result, variables)
    return result


@pass_context
def print_context(context):
    return compact_json({k: v for k, v in context.get_all().items() if not callable(v)})


def random_int(lower, upper):
    return random.randrange(int(lower), int(upper))


FUNCTIONS = {
    "kestra_coalesce": kestra_coalesce, "kestra_if_undefined": kestra_if_undefined,
    "kestra_contains": kestra_contains, "kestra_range": kestra_range, "range": kestra_range, "now": now,
    "render": render, "fromJson": from_json, "json": from_json, "printContext": print_context,
    "randomInt": random_int, "uuid": lambda: str(uuid.uuid4()), "max": max, "min": min,
}
