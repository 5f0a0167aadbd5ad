"""A property that must be a whole number of at least 1 (a batch size, a row count).
The task reads it itself: under a TemplatedTask its properties come rendered but not
read as their declared kind (plugins.core.templating)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext, TaskFailed


def positive_int(ctx: RunContext, name: str, default: Any = None) -> int:
    value = ctx.render_property(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise TaskFailed(f"{name} must be an integer, not {value!r}") from None
    if number < 1:
        raise TaskFailed(f"{name} must be at least 1, not {number}")
    return number
