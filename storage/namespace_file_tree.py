"""A namespace's files as a tree of folders and files, as Kestra's namespace file
API shows them (NamespaceFileController): list a folder, stat, create folders, move,
delete, search by path and export as a zip.

Paths are those of NamespaceFiles (`/scripts/etl.py`; the leading `/` is the
namespace's root); `..`, NUL and Kestra's reserved `_flows` folder are refused, and
every path is resolved inside the namespace's folder, never beside it."""
from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import layout
from .namespace_files import BadNamespaceFilePath, NamespaceFileNotFound, NamespaceFiles

MAX_NAME_LENGTH = 255  # one path segment, as Kestra's MAX_FILE_NAME_LENGTH
FLOWS_FOLDER = "_flows"


@dataclass(frozen=True)
class FileAttributes:
    file_name: str
    last_modified_ms: int
    creation_ms: int
    is_directory: bool
    size: int


def clean(path: str | None) -> str:
    """The path relative to the namespace's root ('' for the root itself)."""
    text = str(path or "").replace("\\", "/").strip("/")
    segments = [s for s in text.split("/") if s not in ("", ".")]
    if "\x00" in text or ".." in segments:
        raise BadNamespaceFilePath(f"Path must not contain '..' or NUL: {path!r}")
    if segments and segments[0] == FLOWS_FOLDER:
        raise BadNamespaceFilePath(f"Path {path!r} is in the reserved '{FLOWS_FOLDER}' folder")
    if any(len(s) > MAX_NAME_LENGTH for s in segments):
        raise BadNamespaceFilePath(f"A file or folder name exceeds the maximum length of {MAX_NAME_LENGTH} characters.")
    return "/".join(segments)


class NamespaceFileTree:
    def __init__(self, namespace: str):
        self.files = NamespaceFiles(namespace)
        self.root = self.files.storage.local_path(layout.uri(layout.namespace_files_folder(namespace)))

    def local(self, path: str | None) -> Path:
        relative = clean(path)
        target = (self.root / relative).resolve() if relative else self.root
        if target != self.root and self.root.resolve() not in target.parents:
            raise BadNamespaceFilePath(f"Path escapes the namespace's files: {path!r}")
        return target

    def _existing(self, path: str | None) -> Path:
        target = self.local(path)
        if not clean(path):
            target.mkdir(parents=True, exist_ok=True)  # Kestra creates the root on first look
        if not target.exists():
            raise NamespaceFileNotFound(f"File not found: /{clean(path)}")
        return target

    @staticmethod
    def attributes(target: Path) -> FileAttributes:
        stat = target.stat()
        return FileAttributes(target.name, int(stat.st_mtime * 1000), int(stat.st_ctime * 1000), target.is_dir(),
                              0 if target.is_dir() else stat.st_size)

    def stat(self, path: str | None) -> FileAttributes:
        return self.attributes(self._existing(path))

    def children(self, path: str | None) -> list[FileAttributes]:
        folder = self._existing(path)
        if not folder.is_dir():
            raise NamespaceFileNotFound(f"Directory not found: /{clean(path)}")
        return [self.attributes(child) for child in sorted(folder.iterdir(), key=lambda p: p.name)]

    def read(self, path: str) -> bytes:
        target = self._existing(path)
        if not target.is_file():
            raise NamespaceFileNotFound(f"File not found: /{clean(path)}")
        return target.read_bytes()

    def write(self, path: str, data: bytes) -> None:
        target = self.local(path)
        if not clean(path) or target.is_dir():
            raise BadNamespaceFilePath(f"Path {path!r} is a directory, not a file")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def make_directory(self, path: str | None) -> None:
        target = self.local(path)
        if target.is_file():
            raise BadNamespaceFilePath(f"Path {path!r} is a file")
        target.mkdir(parents=True, exist_ok=True)

    def move(self, source: str, target: str) -> None:
        origin, destination = self._existing(source), self.local(target)
        if not clean(source) or not clean(target):
            raise BadNamespaceFilePath("The namespace's root cannot be moved")
        if destination == origin or origin in destination.parents:
            raise BadNamespaceFilePath(f"Cannot move {source!r} into itself")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(origin, destination)

    def delete(self, path: str) -> None:
        target = self._existing(path)
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()

    def search(self, text: str) -> list[str]:
        """Paths (with their leading `/`) of the files whose path contains `text`."""
        return ["/" + p for p in self.files.list() if text in "/" + p]

    def export_zip(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in self.files.list():
                archive.write(self.root / path, path)
        return buffer.getvalue()
