"""The templates most flows write, text around `{{ a.b.c }}` lookups, rendered without
compiling a Jinja template: a compile costs about a millisecond and `runflow` meets
each template once, so a 40-task flow spent most of its time compiling.

Only what is sure to print what the compiled template would print is taken here:
every name is a variable of the context, every step a key of a map (as the sandbox's
getattr reads maps), and the value prints through the same `text` as Jinja's
finalize. Anything else (a missing key, a call, a filter, a Java getter, `{` in the
text) returns None, and the compiled template renders it, with its own errors."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from .environment import CACHE_SIZE, bounded_concat
from .output import text

_NAME = r"[A-Za-z][A-Za-z0-9_]*"  # a leading `_` is refused by the sandbox: left to it
_LOOKUP = re.compile(r"\{\{\s*(" + _NAME + r"(?:\." + _NAME + r")*)\s*\}\}")


@lru_cache(maxsize=CACHE_SIZE)
def _parts(template: str) -> tuple | None:
    """Literal strings and tuples of names, in order; None when not that simple."""
    pieces = _LOOKUP.split(template)
    literals, paths = pieces[0::2], pieces[1::2]
    if any("{" in literal for literal in literals):
        return None
    parts: list = []
    for index, literal in enumerate(literals):
        if literal:
            parts.append(literal)
        if index < len(paths):
            parts.append(tuple(paths[index].split(".")))
    return tuple(parts)


def render_simple(template: str, context: Mapping) -> str | None:
    """`template` rendered against `context`, or None when the compiled template must."""
    parts = _parts(template)
    if parts is None:
        return None
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        value = context.get(part[0], _MISSING)
        for name in part[1:]:
            if not isinstance(value, Mapping):
                return None
            value = value.get(name, _MISSING)
        if value is _MISSING or callable(value):
            return None
        out.append(text(value))
    return bounded_concat(out)


_MISSING = object()
