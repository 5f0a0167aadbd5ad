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
    times, ten levels deep, or a YAML alias of an alias. Each item is counted as it is
    reached, so the walk stops as soon as the limit is passed."""
    budget = current()
    limit, size, pending = budget.limits.max_output, 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            size += len(item)
        elif isinstance(item, dict):
            size += 2 + 2 * len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            size += 2 + len(item)
            pending.extend(item)
        else:
            size += 1
        if size > limit:
            budget.check_size(size)
