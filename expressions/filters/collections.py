"""Collection filters of Pebble and Kestra. They return new lists: a template never
changes the engine's values in place (Pebble's sort and reverse would)."""
from __future__ import annotations

from collections.abc import Mapping

from .. import bounded
from ..errors import ExpressionError
from ..operators import eq
from ..output import java_string


def join(value, /, separator=None):
    if value is None:
        return None
    if isinstance(value, Mapping) or not isinstance(value, (list, tuple, set)):
        raise ExpressionError("The 'join' filter expects that the input is either a collection or an array.")
    return bounded.join((java_string(v) for v in value), "" if separator is None else java_string(separator))


def first(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value[:1] or None
    items = list(value)
    return items[0] if items else None


def last(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value[-1:] or None
    items = list(value)
    return items[-1] if items else None


def keys(value):
    if value is None:
        return None
    if isinstance(value, Mapping):
        return list(value.keys())
    if isinstance(value, (list, tuple)):
        return list(range(len(value)))
    raise ExpressionError("'keys' filter can only be applied to List, Map, Array. Actual type was: "
                          + type(value).__name__)


def values(value):
    if value is None:
        return None
    if isinstance(value, Mapping):
        return list(value.values())
    raise ExpressionError("'values' filter can only be applied to Map. Actual type was: " + type(value).__name__)


def _sorted(value, reverse):
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise ExpressionError("Unsupported input type for sort filter")
    try:
        return sorted(value, reverse=reverse)
    except TypeError:
        raise ExpressionError("sort: the items can not be compared with each other") from None


def sort(value):
    return _sorted(value, False)


def rsort(value):
    return _sorted(value, True)


def reverse(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value[::-1]
    return list(value)[::-1]


def slice_(value, /, fromIndex=0, toIndex=None):  # noqa: N803 - Pebble's argument names
    if value is None:
        return None
    if not isinstance(value, (list, tuple, str)):
        raise ExpressionError("Slice filter can only be applied to String, List and array inputs. "
                              f"Actual type was: {type(value).__name__}")
    start = int(fromIndex or 0)
    end = len(value) if toIndex is None else int(toIndex)
    if start < 0:
        raise ExpressionError("fromIndex must be greater than 0")
    if end > len(value):
        raise ExpressionError(f"toIndex must be smaller than input size: {len(value)}")
    if start >= end:
        raise ExpressionError("toIndex must be greater than fromIndex")
    return value[start:end] if isinstance(value, str) else list(value[start:end])


def merge(value, /, items=None):
    if value is None:
        if items is None:
            raise ExpressionError("The two arguments to be merged are null")
        return items
    if items is None:
        return value
    if isinstance(value, Mapping):
        if isinstance(items, Mapping):
            return {**value, **items}
        if isinstance(items, (list, tuple)):
            return {**value, **{item: item for item in items}}
        raise ExpressionError("Currently, only Maps and Lists can be merged with a Map.")
    if isinstance(value, (list, tuple)):
        if isinstance(items, Mapping):
            from ..iteration import Entry

            return [*value, *(Entry(k, v) for k, v in items.items())]
        if isinstance(items, (list, tuple)):
            return [*value, *items]
        raise ExpressionError("Currently, only Maps and Lists can be merged with a List.")
    raise ExpressionError("The object being filtered is not a Map/List/Array")


def chunk(value, /, size=None):
    if value is None:
        return None
    if size is None:
        raise ExpressionError("'chunk' filter expects an argument 'size'.")
    if not isinstance(value, (list, tuple)):
        raise ExpressionError(f"'chunk' filter can only be applied to List. Actual type was: {type(value).__name__}")
    step = int(size)
    if step <= 0:
        raise ExpressionError("'chunk' filter expects a size greater than 0")
    return [list(value[i:i + step]) for i in range(0, len(value), step)]


def _distinct(items) -> list:
    out = []
    for item in items:
        if not any(eq(item, seen) and type(item) is type(seen) for seen in out):
            out.append(item)
    return out


def distinct(value):
    if value is None:
        return "null"  # Kestra's DistinctFilter returns the text "null"
    if not isinstance(value, (list, tuple)):
        raise ExpressionError(f"Input must be a list, but received : {type(value).__name__}")
    return _distinct(value)


def uniq(value):
    return _distinct(value) if isinstance(value, (list, tuple)) else value


def flatten(value):
    """One level, as Kestra's flatten."""
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise ExpressionError("The 'flatten' filter can only be applied to lists.")
    out = []
    for item in value:
        out.extend(item if isinstance(item, (list, tuple)) else [item])
    return out


def length(value):
    if value is None:
        return 0
    if isinstance(value, (str, list, tuple, dict, set)):
        return len(value)
    return 0


FILTERS = {
    "join": join, "first": first, "last": last, "keys": keys, "values": values, "sort": sort, "rsort": rsort,
    "reverse": reverse, "slice": slice_, "merge": merge, "chunk": chunk, "distinct": distinct, "uniq": uniq,
    "flatten": flatten, "length": length,
}
