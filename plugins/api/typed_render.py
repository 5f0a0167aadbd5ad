"""Rendering a property to a typed value, as Kestra's `RunContext.renderTyped` does.

Kestra renders most properties to text, but a few (the KV `Set` value among them) keep
the type of the expression when the whole property is one `{{ ... }}` block:
`"{{ outputs.x.values }}"` stays a map and `"{{ 40 + 2 }}"` the number 42, while
`"id-{{ x }}"` or a literal `7` stay text. The single expression is rendered through
`toJson` and read back, so the value keeps its JSON type."""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .context import RunContext

# One `{{ ... }}` block and nothing around it; no other block inside.
SINGLE_EXPRESSION = re.compile(r"\{\{((?:(?!\{\{|\}\}).)*)\}\}", re.DOTALL)


def render_typed(ctx: RunContext, value: Any) -> Any:
    """`value` rendered with ctx; a lone expression keeps its type, anything else is
    rendered as usual (text stays text, a YAML map or list keeps its shape)."""
    if isinstance(value, str):
        found = SINGLE_EXPRESSION.fullmatch(value)
        if found:
            return json.loads(ctx.render("{{ (" + found.group(1) + ") | toJson }}"))
    return ctx.render(value)
