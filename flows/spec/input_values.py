"""What every input parser shares: the error it raises and how a message quotes a
value (a SECRET's message never does)."""
from __future__ import annotations

import json


class BadValue(ValueError):
    pass


def shown(value, limit: int = 200) -> str:
    """A value as a message quotes it."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        try:
            text = json.dumps(value, separators=(",", ":"), default=str)
        except (TypeError, ValueError):
            text = str(value)
    text = text if len(text) <= limit else text[:limit] + "..."
    return f"'{text}'"


def as_text(value) -> str:
    """Text of a scalar as Kestra would print it (`true`, not `True`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)
