"""The local-disk storage backend (Kestra's storage-local): each kestra:// URI's path
under a root folder, KESTRAWEB_DATA_DIR/storage by default. layout.py says which path
each file has; backend.py is the interface every backend implements.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .backend import StorageBackend, StorageError
from .layout import SCHEME

__all__ = ["InternalStorage", "LocalStorage", "StorageError", "internal_storage"]


class LocalStorage(StorageBackend):
    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, uri: str) -> Path:
        if not str(uri).startswith(SCHEME):
            raise StorageError(f"not an internal storage URI: {uri!r} (expected {SCHEME}...)")
        relative = str(uri)[len(SCHEME):].lstrip("/")
        path = (self.root / relative).resolve()
        if self.root.resolve() not in path.parents:
            raise StorageError(f"URI escapes the storage: {uri!r}")
        return path

    def put(self, uri: str, source: Path) -> str:
        target = self._path(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return uri

    def put_bytes(self, uri: str, data: bytes) -> str:
        target = self._path(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return uri

    @contextmanager
    def writer(self, uri: str) -> Iterator[BinaryIO]:
        """A binary file to write `uri` with, streamed to disk. Written beside its target
        under a hidden name and moved into place when the block ends: until then, and for
        good when the block raises, nothing is at `uri`."""
        target = self._path(uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        try:
            with partial.open("wb") as stream:
                yield stream
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)

    def open(self, uri: str, mode: str = "rb") -> BinaryIO:
        path = self._path(uri)
        if "r" in mode:
            self._file(uri, path)
        return path.open(mode)  # type: ignore[return-value]  # binary modes only, by the interface

    def exists(self, uri: str) -> bool:
        return self._path(uri).exists()

    def size(self, uri: str) -> int:
        return self._file(uri, self._path(uri)).stat().st_size

    @staticmethod
    def _file(uri: str, path: Path) -> Path:
        """`path` when it is a file; a folder or nothing is an error naming the URI only
        (never the folder on the server's disk)."""
        if not path.is_file():
            raise StorageError(f"file not found in internal storage: {uri}")
        return path

    def local_path(self, uri: str) -> Path:
        return self._path(uri)

    def list_files(self, folder_uri: str) -> list[str]:
        """Paths (with `/`) of the files below a folder, relative to it, sorted."""
        folder = self._path(folder_uri)
        if not folder.is_dir():
            return []
        return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())

    def delete(self, uri: str) -> bool:
        path = self._path(uri)
        if not path.is_file():
            return False
        path.unlink()
        return True

    def delete_folder(self, folder_uri: str) -> None:
        shutil.rmtree(self._path(folder_uri), ignore_errors=True)


# The names the code knew before the backend interface; kept for branches that use them.
InternalStorage = LocalStorage


def internal_storage() -> StorageBackend:
    """The configured backend (storage.backends.internal_storage, which new code imports)."""
    from .backends import internal_storage as configured  # backends imports this module

    return configured()
