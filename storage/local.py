"""Kestra's internal storage on the local disk.

Files are addressed by their kestra:// URI; layout.py says which path each file has.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from django.conf import settings

from .layout import SCHEME


class StorageError(Exception):
    pass


class InternalStorage:
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

    def open(self, uri: str, mode: str = "rb"):
        path = self._path(uri)
        if "r" in mode:
            self._file(uri, path)
        return path.open(mode)

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
        """Delete one file; False when there was none (Kestra's StorageInterface#delete)."""
        path = self._path(uri)
        if not path.is_file():
            return False
        path.unlink()
        return True

    def delete_folder(self, folder_uri: str) -> None:
        shutil.rmtree(self._path(folder_uri), ignore_errors=True)


def internal_storage() -> InternalStorage:
    return InternalStorage(settings.STORAGE_DIR)
