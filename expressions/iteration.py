"""What `{% for %}` walks and what `..` and range() build: lists as they are, maps as
key/value entries (as Pebble walks a Java Map's entrySet), null as nothing."""
from __future__ import annotations

from collections.abc import Mapping

from jinja2 import Undefined

from .budget import current
from .errors import ExpressionError
from .operators import number
from .output import java_string
from .undefined import fail_if_undefined


def range_(start, end, step=1) -> list:
    """Pebble's range and `..`: both ends included; numbers or single characters."""
    fail_if_undefined(start, end, step)
    step = number(step)
    if not isinstance(step, int) or step == 0:
        raise ExpressionError("The increment of the range function must be a number different than 0")
    characters = isinstance(start, str) and isinstance(end, str) and len(start) == 1 and len(end) == 1
    first, last = (ord(start), ord(end)) if characters else (int(number(start)), int(number(end)))
    values = range(first, last + (1 if step > 0 else -1), step)
    current().check_range(len(values))  # as Jinja's sandbox: a template must not allocate without bound
    return [chr(c) for c in values] if characters else list(values)


class Entry:
    """One entry of a map in `{% for entry in map %}`: `entry.key`, `entry.value`."""
    __slots__ = ("key", "value")

    def __init__(self, key, value):
        self.key, self.value = key, value

    def __str__(self):
        return f"{java_string(self.key)}={java_string(self.value)}"

    def to_json_value(self):
        return {java_string(self.key): self.value}


class Timed:
    """A loop's items, checking the render's deadline before each: nested loops are how
    a short template runs for hours."""
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items

    def __len__(self):  # loop.length, loop.last
        return len(self.items)

    def __iter__(self):
        check = current().check_time
        for item in self.items:
            check()
            yield item


def iterate(value):
    """What `{% for %}` walks: lists as they are, maps as entries, null as nothing."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    if value is None:
        return ()
    if isinstance(value, Mapping):
        return Timed([Entry(k, v) for k, v in value.items()])
    if isinstance(value, (list, tuple, set, frozenset, range)):
        return Timed(value)
    raise ExpressionError(f"Not an iterable object. Value = [{java_string(value)}]")
