"""A file a task writes into internal storage as it goes: what `ctx.new_file(name)` gives.

    with ctx.new_file("rows.ion") as out:
        for chunk in response.iter_bytes():
            out.write(chunk)
    return {"uri": out.uri}

The bytes go straight to the storage backend (never all in memory); the file appears
under its URI only when the block ends without an error, so a failed or killed task
leaves no half-written file behind.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO


class FileNotFinished(RuntimeError):
    """`uri` was read inside the `with` block, before the file exists in storage."""


class NewFile:
    def __init__(self, stream: BinaryIO, name: str) -> None:
        self._stream = stream
        self.name = name
        self._uri: str | None = None

    @property
    def stream(self) -> BinaryIO:
        """The binary file itself, for a library that wants a real file object."""
        return self._stream

    @property
    def uri(self) -> str:
        """The kestra:// URI, once the `with` block has ended."""
        if self._uri is None:
            raise FileNotFinished(f"{self.name}: its URI is known once the `with ctx.new_file(...)` block ends")
        return self._uri

    def finished(self, uri: str) -> None:
        self._uri = uri

    def write(self, data: bytes) -> int:
        return self._stream.write(data)

    def writelines(self, lines: Iterable[bytes]) -> None:
        self._stream.writelines(lines)

    def flush(self) -> None:
        self._stream.flush()

    def tell(self) -> int:
        return self._stream.tell()

    def writable(self) -> bool:
        return True
