"""How ForEachItem cuts a file into batches, as Kestra's storage split does.

Rows are the file's lines (a final newline ends the last line, it adds no empty row;
an empty line in the middle is a row). Each row is written back followed by the
`separator`. `batch` chooses one way to cut, in this order of precedence:

- `bytes`: a new batch starts once the current one holds at least that many bytes
  ("10KB", "1MB", "1GB" or a plain number);
- `partitions`: that many batches, rows dealt out in turn (row i goes to batch
  i mod n), empty batches left out;
- `rows` (default 1): a new batch every that many rows.
"""
from __future__ import annotations

import re

SIZE = re.compile(r"^\s*(\d+)\s*(KB|MB|GB)?\s*$", re.IGNORECASE)
UNITS = {None: 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def parse_size(value) -> int:
    """A readable size such as "10KB" in bytes (units are powers of 1024)."""
    match = SIZE.match(str(value))
    if not match:
        raise ValueError(f"Invalid size with value '{value}'")
    return int(match.group(1)) * UNITS[match.group(2).upper() if match.group(2) else None]


def rows_of(data: bytes) -> list[bytes]:
    """The file's rows without their line ends (\\n, \\r\\n or \\r, as Java's readLine)."""
    return data.splitlines()


def split(data: bytes, batch: dict, render=lambda v: v) -> list[bytes]:
    """The content of each batch. `render` renders the batch's dynamic values."""
    separator = str(render(batch.get("separator", "\n"))).encode()
    rows = [row + separator for row in rows_of(data)]
    if batch.get("bytes") is not None:
        size = parse_size(render(batch["bytes"]))
        return _cut(rows, lambda held, count: held >= size)
    if batch.get("partitions") is not None:
        count = int(render(batch["partitions"]))
        if count < 1:
            raise ValueError(f"batch.partitions must be at least 1, got {count}")
        return [b"".join(rows[i::count]) for i in range(count) if rows[i::count]]
    per_batch = int(render(batch.get("rows", 1)))
    if per_batch < 1:
        raise ValueError(f"batch.rows must be at least 1, got {per_batch}")
    return _cut(rows, lambda held, count: count >= per_batch)


def _cut(rows: list[bytes], full) -> list[bytes]:
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
