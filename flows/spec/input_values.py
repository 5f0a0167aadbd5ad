"""What every input parser shares: the error it raises and how a message quotes a
value (a SECRET's message never does)."""
from __future__ import annotations

import json


class BadValue(ValueError):
    """A value its input type cannot read; the message says why."""


class ConstraintFailed(BadValue):
    """A value of the right type that a declared constraint refuses (validator, min,
    max, after, before, values). The message is Kestra's (`it must be more than `10``,
    from its Input classes' `validate`); the input's error adds the value received."""


def java_text(value) -> str:
    """A value as Java's toString prints it in Kestra's messages: `null`, `true`,
    `[a, b]`, `{k=v}`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(java_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{java_text(k)}={java_text(v)}" for k, v in value.items()) + "}"
    return str(value)


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
