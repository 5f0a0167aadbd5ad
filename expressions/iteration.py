"""What `{% for %}` walks and what `..` and range() build: lists as they are, maps as
key/value entries (as Pebble walks a Java Map's entrySet), null as nothing."""
from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Undefined

from .errors import ExpressionError
from .operators import number
from .output import java_string
from .undefined import fail_if_undefined

MAX_RANGE = 100_000  # as Jinja's sandbox: a template must not allocate without bound


def range_(start, end, step=1) -> list:
    """Pebble's range and `..`: both ends included; numbers or single characters."""
    fail_if_undefined(start, end, step)
    step = number(step)
    if not isinstance(step, int) or step == 0:
        raise ExpressionError("The increment of the range function must be a number different than 0")
    if isinstance(start, str) and isinstance(end, str) and len(start) == 1 and len(end) == 1:
        return [chr(c) for c in range(ord(start), ord(end) + (1 if step > 0 else -1), step)]
    values = range(int(number(start)), int(number(end)) + (1 if step > 0 else -1), step)
    if len(values) > MAX_RANGE:
        raise ExpressionError(f"A range may hold at most {MAX_RANGE} items, not {len(values)}")
    return list(values)


class Entry:
    """One entry of a map in `{% for entry in map %}`: `entry.key`, `entry.value`."""
    __slots__ = ("key", "value")

    def __init__(self, key, value):
        self.key, self.value = key, value

    def __str__(self):
        return f"{java_string(self.key)}={java_string(self.value)}"

    def to_json_value(self):
        return {java_string(self.key): self.value}


def iterate(value):
    """What `{% for %}` walks: lists as they are, maps as entries, null as nothing."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if value is None:
        return ()
    if isinstance(value, Mapping):
        return [Entry(k, v) for k, v in value.items()]
    if isinstance(value, (list, tuple, set, frozenset, range)):
        return value
    raise ExpressionError(f"Not an iterable object. Value = [{java_string(value)}]")
