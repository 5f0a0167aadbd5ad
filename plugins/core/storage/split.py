"""Split: a file of internal storage cut into several by size, rows, partitions or a
regex's first group, line by line, as Kestra's StorageService#split cuts it."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from expressions import java_regex
from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .files import extension_of, lines, new_local_file, storage_uri

# Micronaut's ReadableBytesTypeConverter: a number with an optional KB, MB or GB (powers of 1024).
READABLE_BYTES = re.compile(r"(\d+)\s*([KMG]B)?", re.IGNORECASE)
UNITS = {None: 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def parse_bytes(value: Any) -> int:
    found = READABLE_BYTES.fullmatch(str(value).strip())
    if not found:
        raise TaskFailed(f"Invalid size with value '{value}'")
    unit = found.group(2).upper() if found.group(2) else None
    return int(found.group(1)) * UNITS[unit]


@register
class Split(RunnableTask):
    type = "io.kestra.plugin.core.storage.Split"
    aliases = ("io.kestra.core.tasks.storages.Split",)
    title = "Split a file from Kestra's internal storage into multiple files."
    description = ("One of `bytes` (a file holds lines until it reaches that size), `rows`, `partitions` (lines "
                   "dealt round-robin; empty files dropped) or `regexPattern` (lines grouped by the first "
                   "capture group; others dropped). Each line is written followed by `separator`.")
    properties = (
        Property("from", required=True, description="The file to split."),
        Property("bytes", description="The most bytes a file holds, e.g. 10MB."),
        Property("partitions", "integer", description="How many files to deal the lines into."),
        Property("rows", "integer", description="How many lines a file holds."),
        Property("regexPattern", description="Group lines by this pattern's first capture group."),
        Property("separator", default="\n", description="Written after each line."),
    )
    outputs = (Output("uris", "array", "The URIs of the files made."),)
    examples = (Example("Split a file into files of 2 rows", full=True, code="""\
id: split
namespace: company.team
inputs:
  - id: data
    type: FILE
tasks:
  - id: split
    type: io.kestra.plugin.core.storage.Split
    from: "{{ inputs.data }}"
    rows: 2
""",
                        inputs={'data': 'a\nb\nc\nd\ne\n'}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("from"), "from")
        extension, separator = extension_of(uri), str(ctx.render_property("separator", "\n"))
        rows = lines(ctx, uri)
        if self.get("regexPattern") is not None:
            paths = _by_key(ctx, extension, separator, rows, _first_group(str(ctx.render_property("regexPattern"))))
        elif self.get("bytes") is not None:
            limit = parse_bytes(ctx.render_property("bytes"))
            paths = _sequential(ctx, extension, separator, rows, lambda size, _count: size >= limit)
        elif self.get("partitions") is not None:
            paths = _partitions(ctx, extension, separator, rows, _at_least_one(ctx, "partitions"))
        elif self.get("rows") is not None:
            limit = _at_least_one(ctx, "rows")
            paths = _sequential(ctx, extension, separator, rows, lambda _size, count: count >= limit)
        else:
            raise TaskFailed("Invalid configuration with no size, count, rows, nor regexPattern")
        return {"uris": [ctx.put_file(path) for path in paths]}


def _at_least_one(ctx: RunContext, name: str) -> int:
    """A count of rows or files: render_property reads it as the integer it is declared,
    whoever runs the task (a TemplatedTask too); less than 1 would never fill a file."""
    number: int = ctx.render_property(name)
    if number < 1:
        raise TaskFailed(f"{name} must be at least 1, not {number}")
    return number


def _sequential(ctx: RunContext, extension: str, separator: str, rows: Iterator[str],
                full: Callable[[int, int], bool]) -> list[Path]:
    """Lines into one file after another; a new file starts once `full(bytes, rows)`."""
    paths: list[Path] = []
    out: IO[bytes] | None = None
    size = count = 0
    try:
        for row in rows:
            if out is None or full(size, count):
                if out is not None:
                    out.close()
                paths.append(new_local_file(ctx, extension))
                out, size, count = paths[-1].open("wb"), 0, 0
            data = (row + separator).encode()
            out.write(data)
            size, count = size + len(data), count + 1
    finally:
        if out is not None:
            out.close()
    return paths


def _partitions(ctx: RunContext, extension: str, separator: str, rows: Iterator[str], count: int) -> list[Path]:
    paths = [new_local_file(ctx, extension) for _ in range(count)]
    outs = [path.open("wb") for path in paths]
    try:
        for index, row in enumerate(rows):
            outs[index % count].write((row + separator).encode())
    finally:
        for out in outs:
            out.close()
    return [path for path in paths if path.stat().st_size > 0]


def _first_group(pattern: str) -> Callable[[str], str | None]:
    """The key of a line: the pattern's first group where it is found (Java's find()),
    under the regex limits every user pattern runs with."""
    compiled = java_regex.pattern(pattern)
    if compiled.groups < 1:
        return lambda row: None

    def key(row: str) -> str | None:
        found = java_regex.search(pattern, row)
        return None if found is None else found.group(1)
    return key


def _by_key(ctx: RunContext, extension: str, separator: str, rows: Iterator[str],
            key: Callable[[str], str | None]) -> list[Path]:
    paths: dict[str, Path] = {}
    outs: dict[str, IO[bytes]] = {}
    try:
        for row in rows:
            group = key(row)
            if group is None:
                continue  # lines the pattern does not match are left out, as Kestra does
            if group not in outs:
                paths[group] = new_local_file(ctx, extension)
                outs[group] = paths[group].open("wb")
            outs[group].write((row + separator).encode())
    finally:
        for out in outs.values():
            out.close()
    return list(paths.values())
