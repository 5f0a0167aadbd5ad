"""How ForEachItem cuts a file into batches, as Kestra's storage split does.

Rows are the file's lines (a final newline ends the last line, it adds no empty row;
an empty line in the middle is a row). Each row is written back followed by the
`separator`. `batch` chooses one way to cut, in this order of precedence (Kestra's
StorageService.split):

- `regexPattern`: rows are grouped by the first group of the pattern's first match in
  the row (Java's Matcher.find, then group(1)): one batch per distinct group value, in
  the order the values first appear; rows where the pattern finds nothing, and every
  row when the pattern has no group, are left out;
- `bytes`: a new batch starts once the current one holds at least that many bytes
  ("10KB", "1MB", "1GB" or a plain number);
- `partitions`: that many batches, rows dealt out in turn (row i goes to batch
  i mod n), empty batches left out;
- `rows` (default 1): a new batch every that many rows.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from expressions.errors import ExpressionError
from expressions.java_regex import pattern as java_pattern
from expressions.java_regex import search as java_search

KEYS = ("rows", "bytes", "partitions", "separator", "regexPattern")  # Kestra's ForEachItem.Batch
SIZE = re.compile(r"^\s*(\d+)\s*(KB|MB|GB)?\s*$", re.IGNORECASE)
UNITS = {None: 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


class BadBatch(ValueError):
    """A `batch` property the file cannot be cut with; the message names it."""


def parse_size(value: Any) -> int:
    """A readable size such as "10KB" in bytes (units are powers of 1024)."""
    match = SIZE.match(str(value))
    if not match:
        raise BadBatch(f"Invalid size with value '{value}'")
    return int(match.group(1)) * UNITS[match.group(2).upper() if match.group(2) else None]


def rows_of(data: bytes) -> list[bytes]:
    """The file's rows without their line ends (\\n, \\r\\n or \\r, as Java's readLine)."""
    return data.splitlines()


def split(data: bytes, batch: dict[str, Any], render: Callable[[Any], Any] = lambda v: v) -> list[bytes]:
    """The content of each batch. `render` renders the batch's dynamic values."""
    if not isinstance(batch, dict):
        raise BadBatch(f"batch must be an object with {', '.join(KEYS)}")
    unknown = sorted(set(batch) - set(KEYS))
    if unknown:  # a misspelt key would otherwise cut one row per batch without a word
        raise BadBatch(f"batch: unknown property '{unknown[0]}' (known: {', '.join(KEYS)})")
    separator = str(render(batch.get("separator", "\n"))).encode()
    if batch.get("regexPattern") is not None:
        return _by_group(data, str(render(batch["regexPattern"])), separator)
    rows = [row + separator for row in rows_of(data)]
    if batch.get("bytes") is not None:
        size = parse_size(render(batch["bytes"]))
        return _cut(rows, lambda held, count: held >= size)
    if batch.get("partitions") is not None:
        count = _positive("partitions", render(batch["partitions"]))
        return [b"".join(rows[i::count]) for i in range(count) if rows[i::count]]
    per_batch = _positive("rows", render(batch.get("rows", 1)))
    return _cut(rows, lambda held, count: count >= per_batch)


def _positive(name: str, value: Any) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise BadBatch(f"batch.{name} must be a whole number, got '{value}'") from None
    if number < 1:
        raise BadBatch(f"batch.{name} must be at least 1, got {number}")
    return number


def _cut(rows: list[bytes], full: Callable[[int, int], bool]) -> list[bytes]:
    """Rows in order; a new batch starts when `full(bytes held, rows held)` of the
    current one."""
    batches: list[list[bytes]] = []
    held = 0
    for row in rows:
        if not batches or full(held, len(batches[-1])):
            batches.append([])
            held = 0
        batches[-1].append(row)
        held += len(row)
    return [b"".join(batch) for batch in batches]


def _by_group(data: bytes, regex: str, separator: bytes) -> list[bytes]:
    """One batch per value of the pattern's first group, in the order values first appear."""
    try:
        java_pattern(regex)  # compiled (and cached) once; refused before reading any row
    except ExpressionError as exc:
        raise BadBatch(f"batch.regexPattern: {exc}") from None
    batches: dict[str | None, list[bytes]] = {}
    for row in rows_of(data):
        matched, key = first_group(regex, row.decode("utf-8", errors="replace"))
        if matched:
            batches.setdefault(key, []).append(row + separator)
    return [b"".join(rows) for rows in batches.values()]


def first_group(regex: str, text: str) -> tuple[bool, str | None]:
    """(found, group 1) of the first match in `text`, as Java's Matcher.find() then
    group(1); found is False without a match or when the pattern has no group. The one
    place a user's pattern runs over the file, each row under the regex time limit."""
    match = java_search(regex, text)
    if match is None or java_pattern(regex).groups == 0:
        return False, None
    return True, match.group(1)
