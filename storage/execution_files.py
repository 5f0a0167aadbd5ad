"""An execution's own files as people (the API, the pages) reach them: a kestra:// URI
that must lie in that execution's folder (no `..`), and a text preview of its first
lines (Kestra's FileRender for text). One home for both, so the API's
`/executions/{id}/file*` routes and the execution page's Outputs tab refuse and show
the same files the same way."""
from __future__ import annotations

from pathlib import PurePosixPath

from . import layout
from .access import ExecutionRef
from .backend import StorageError
from .backends import internal_storage

PREVIEW_MAX_ROWS = 5000  # Kestra's kestra.server.preview.max-rows default


class NotAnExecutionFile(StorageError):
    """Not a kestra:// URI, or not in the execution's own folder."""


class ExecutionFileMissing(StorageError):
    """A URI of the execution's folder where no file is."""


class UnknownEncoding(StorageError):
    pass


def checked_file(ref: ExecutionRef, uri: str) -> str:
    """`uri` when it is an existing file of the execution `ref`; raises otherwise."""
    if not layout.is_uri(uri):
        raise NotAnExecutionFile(f"{uri!r} is not a {layout.SCHEME} URI")
    path = layout.path_of(uri)
    if layout.has_parent_segment(path) or not ref.owns(path):
        raise NotAnExecutionFile(f"{uri} is not a file of execution {ref.execution_id}")
    try:
        internal_storage().size(uri)
    except StorageError:
        raise ExecutionFileMissing(f"File not found: {uri}") from None
    return uri


def file_name(uri: str) -> str:
    return PurePosixPath(layout.path_of(uri)).name


def preview(uri: str, max_rows: int = PREVIEW_MAX_ROWS, encoding: str = "utf-8",
            max_bytes: int | None = None) -> dict[str, object]:
    """Kestra's text preview `{extension, type, content, truncated}`: the first
    `max_rows` lines (at most PREVIEW_MAX_ROWS), and at most `max_bytes` of them."""
    try:
        "".encode(encoding)
    except LookupError:
        raise UnknownEncoding(f"unknown encoding {encoding!r}") from None
    lines: list[str] = []
    truncated, read = False, 0
    with internal_storage().open(uri) as handle:
        for index, raw in enumerate(handle):
            if index >= min(max_rows, PREVIEW_MAX_ROWS) or (max_bytes is not None and read + len(raw) > max_bytes):
                truncated = True
                break
            read += len(raw)
            lines.append(raw.decode(encoding, errors="replace"))
    extension = PurePosixPath(layout.path_of(uri)).suffix.lstrip(".")
    return {"extension": extension, "type": "TEXT", "content": "".join(lines), "truncated": truncated}
