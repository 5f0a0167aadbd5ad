"""Building the strings and lists that can outgrow their inputs (a concatenation in a
recursive macro doubles, a replacement or a padding multiplies): the size is computed
first and checked against the render's limit, so a gigabyte is refused before it is
allocated, not after."""
from __future__ import annotations

from .budget import current


def concat(*parts: str) -> str:
    current().check_size(sum(map(len, parts)))
    return "".join(parts)


def join(parts, separator: str) -> str:
    """`separator.join(parts)`, stopping as soon as the parts counted pass the limit."""
    budget = current()
    limit, size, kept = budget.limits.max_output, 0, []
    for part in parts:
        size += len(part) + (len(separator) if kept else 0)
        if size > limit:
            budget.check_size(size)
        kept.append(part)
    return separator.join(kept)


def repeat(text: str, times: int) -> str:
    current().check_size(len(text) * times)
    return text * times


def replace(text: str, search: str, new: str) -> str:
    """str.replace, whose result is known before it is built."""
    if len(new) > len(search):
        found = len(text) + 1 if not search else text.count(search)
        current().check_size(len(text) + found * (len(new) - len(search)))
    return text.replace(search, new)


def lists(*parts: list) -> list:
    """Lists joined end to end."""
    current().check_size(sum(map(len, parts)), "list")
    return [item for part in parts for item in part]


def measure(value) -> None:
    """Raise before printing a map or list whose text would pass the limit. Shared
    references make a small value print as gigabytes: a list holding one list ten
    times, ten levels deep, or a YAML alias of an alias. The running size is checked
    as each map or list is counted, so the walk stops soon after the limit is passed."""
    budget = current()
    limit = budget.limits.max_output

    def walk(item, size: int) -> int:
        kind = type(item)
        if kind is str:
            return size + len(item)
        if kind is dict or isinstance(item, dict):
            size += 2 + 2 * len(item)
            for key, child in item.items():
                size = walk(child, walk(key, size))
        elif kind is list or isinstance(item, (list, tuple, set, frozenset)):
            size += 2 + len(item)
            for child in item:
                size = walk(child, size)
        else:
            return size + 1
        if size > limit:
            budget.check_size(size)
        return size

    walk(value, 0)
