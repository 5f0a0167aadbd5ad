"""The one interface of internal storage backends: what the engine, the API and the
plugins ask of the place files live, by kestra:// URI (storage.layout gives each URI).

LocalStorage (storage/local.py) keeps the files under KESTRAWEB_DATA_DIR/storage, and
is the only backend today; settings.STORAGE_BACKEND picks one (storage/backends.py).
An S3-compatible backend (MinIO, S3, R2 through boto3's or fsspec's S3 API) is the
next step: it implements this class, keeps each URI's path as the object key, and
gives `local_path` by downloading into a cache folder. Kestra's counterpart is
io.kestra.core.storages.StorageInterface (storage-local, storage-s3, storage-gcs...).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO


class StorageError(Exception):
    """A URI the storage refuses (not kestra://, escaping the storage) or a missing file;
    the message names the URI, never a server path."""


class StorageBackend(ABC):
    @abstractmethod
    def put(self, uri: str, source: Path) -> str:
        """Store a local file's bytes at `uri`; returns `uri`."""

    @abstractmethod
    def put_bytes(self, uri: str, data: bytes) -> str:
        """Store `data` at `uri`; returns `uri`."""

    @abstractmethod
    def writer(self, uri: str) -> AbstractContextManager[BinaryIO]:
        """A binary file streamed to `uri`, which appears only when the block ends
        without an error."""

    @abstractmethod
    def open(self, uri: str, mode: str = "rb") -> BinaryIO:
        """The file at `uri` opened for streaming reads; StorageError when missing."""

    @abstractmethod
    def exists(self, uri: str) -> bool: ...

    @abstractmethod
    def size(self, uri: str) -> int:
        """Bytes of the file at `uri`; StorageError when missing."""

    @abstractmethod
    def list_files(self, folder_uri: str) -> list[str]:
        """Paths (with `/`) of the files below a folder, relative to it, sorted."""

    @abstractmethod
    def delete(self, uri: str) -> bool:
        """Delete one file; False when there was none (Kestra's StorageInterface#delete)."""

    @abstractmethod
    def delete_folder(self, folder_uri: str) -> None:
        """Delete a folder and every file below it (nothing when absent)."""

    @abstractmethod
    def local_path(self, uri: str) -> Path:
        """A path on this machine holding the file at `uri`, for tools that need one
        (a working directory, a zip of namespace files)."""

    def walk(self, folder_uri: str) -> Iterator[str]:
        """The URIs of the files below a folder."""
        base = folder_uri.rstrip("/")
        for relative in self.list_files(folder_uri):
            yield f"{base}/{relative}"
