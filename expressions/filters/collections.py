"""Collection filters of Pebble and Kestra."""
from __future__ import annotations

from jinja2 import pass_environment

from ..output import java_str


def _items(value):
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, str):
        return list(value)
    return list(value)


def first(value):
    items = _items(value)
    return items[0] if items else None


def last(value):
    items = _items(value)
    return items[-1] if items else None


def slice_filter(value, start=0, end=None):
    return value[int(start): None if end is None else int(end)]


def merge(value, other):
    if isinstance(value, dict):
        return {**value, **other}
    return [*value, *other]


def chunk(value, size):
    items = list(value)
    return [items[i:i + int(size)] for i in range(0, len(items), int(size))]


def distinct(value):
    seen, out = [], []
    for item in value:
        if item not in seen:
            seen.append(item)
            out.append(item)
    return out


def flatten(value):
    out = []
    for item in value:
        out.extend(flatten(item) if isinstance(item, list) else [item])
    return out


@pass_environment
def join(env, value, separator=""):
    return separator.join(java_str(v) for v in value)


FILTERS = {
    "join": join, "first": first, "last": last, "keys": lambda v: list(v.keys()), "values": lambda v: list(v.values()),
    "sort": lambda v: sorted(v), "rsort": lambda v: sorted(v, reverse=True),
    "reverse": lambda v: v[::-1] if isinstance(v, (str, list)) else list(reversed(list(v))),
    "slice": slice_filter, "merge": merge, "chunk": chunk, "distinct": distinct, "flatten": flatten,
    "length": lambda v: len(v) if v is not None else 0,
}
