"""What the storage tasks share: reading a kestra:// file as lines, and writing a new
file into internal storage, each failure a TaskFailed naming the file."""
from __future__ import annotations

import io
import json
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from expressions.ion import IonError, read_first
from plugins.api.context import RunContext, TaskFailed
from storage import StorageError, layout


def storage_uri(value: Any, prop: str) -> str:
    """A rendered property that must be a kestra:// URI."""
    uri = "" if value is None else str(value)
    if not layout.is_uri(uri):
        raise TaskFailed(f"{prop}: '{uri}' is not an internal storage URI (expected {layout.SCHEME}...)")
    return uri


def extension_of(uri: str) -> str:
    """The file's extension with its dot, `.tmp` when it has none (Kestra's StorageService)."""
    return PurePosixPath(layout.path_of(uri)).suffix or ".tmp"


@contextmanager
def opened(ctx: RunContext, uri: str) -> Iterator[BinaryIO]:
    """The file opened for reading (binary); a refused or missing file fails the task."""
    try:
        handle = ctx.open_file(uri)
    except StorageError as refused:
        raise TaskFailed(str(refused)) from None
    with handle:
        yield handle


def lines(ctx: RunContext, uri: str) -> Iterator[str]:
    """The file's lines without their ends, read as Java's BufferedReader#readLine reads
    them (\\n, \\r\\n or \\r end a line), one at a time."""
    with opened(ctx, uri) as handle:
        for line in io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline=None):
            yield line[:-1] if line.endswith("\n") else line


def item_of(line: str, uri: str) -> dict[str, Any]:
    """One line of an Ion (or JSON) file read as a map, its keys the variables an
    item's expression sees."""
    try:
        value = read_first(line)
    except IonError as bad:
        raise TaskFailed(f"Unable to read the item `{line}` of {uri}: {bad}") from None
    if not isinstance(value, dict):
        raise TaskFailed(f"The item `{line}` of {uri} is not a map: {json.dumps(value, default=str)}")
    return value


@dataclass(frozen=True)
class KeptItems:
    """What a task that keeps some items of a file (FilterItems, DeduplicateItems) wrote."""
    uri: str
    processed: int
    dropped: int


def keep_items(ctx: RunContext, uri: str, keep: Callable[[int, str], bool]) -> KeptItems:
    """A new Ion file of the lines of `uri` that `keep(offset, line)` keeps, in file order."""
    processed = dropped = 0
    with ctx.new_file(new_name(".ion")) as out:
        for offset, line in enumerate(lines(ctx, uri)):
            if keep(offset, line):
                out.write((line + "\n").encode())
            else:
                dropped += 1
            processed += 1
    return KeptItems(out.uri, processed, dropped)


def new_name(extension: str) -> str:
    """A fresh file name with `extension`, as Kestra's createTempFile names its files."""
    return f"{uuid.uuid4().hex}{extension}"


def new_local_file(ctx: RunContext, extension: str) -> Path:
    """An empty file in the task's working directory, named as Kestra's createTempFile names."""
    handle, name = tempfile.mkstemp(suffix=extension, dir=ctx.working_dir())
    with open(handle, "wb"):
        pass
    return Path(name)
