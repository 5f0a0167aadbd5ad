"""Reading flow files from paths given on the command line (files or folders)."""
from __future__ import annotations

from pathlib import Path

from flows.spec import FlowInvalid, limits

FLOW_SUFFIXES = (".yaml", ".yml")
MAX_BYTES_PER_CHAR = 4  # UTF-8


class FlowFileUnreadable(Exception):
    """A flow file that cannot be read as text; the message names the file (and the
    line, for bytes that are not UTF-8)."""


def flow_files(paths) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in FLOW_SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files


def read_flow_file(path: Path) -> str:
    """The text of a flow file, UTF-8 as Kestra reads it. A file far past the flow size
    limit is refused without reading it all."""
    size = limits.source_chars()
    try:
        with open(path, "rb") as handle:
            data = handle.read(size.value * MAX_BYTES_PER_CHAR + 1)
    except OSError as exc:
        raise FlowFileUnreadable(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > size.value * MAX_BYTES_PER_CHAR:
        raise FlowFileUnreadable(f"{path}: the flow's text is longer than the limit of {size} characters")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise FlowFileUnreadable(f"{path}:{line}: not UTF-8 text (byte {data[exc.start]:#x})") from None


def located(path: Path, invalid: FlowInvalid) -> list[str]:
    """Each problem of a flow file as `file:line: what`, the way compilers say it."""
    return [f"{path}:{error.line}: {error.what()}" if error.line else f"{path}: {error.what()}"
            for error in invalid.errors]
