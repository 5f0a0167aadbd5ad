"""Namespace files: files kept for a whole namespace (scripts, SQL, configs) that flows
of the namespace use by path, as Kestra's `io.kestra.core.storages.Namespace` /
`InternalNamespace` does. They live in internal storage under
`/<namespace as folders>/_files/<path>` (see layout.py).

Paths are relative to the namespace's files, with `/` between folders; a leading `/`
is ignored and `..` is refused, so no path reaches outside them.

    files = NamespaceFiles("company.team")
    files.write("scripts/etl.py", b"print(1)")         # -> kestra:///company/team/_files/scripts/etl.py
    files.list(include=["scripts/**"])                 # -> ["scripts/etl.py"]
    files.read("scripts/etl.py")                       # -> b"print(1)"
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from expressions import java_regex

from . import layout
from .backend import StorageBackend, StorageError
from .backends import internal_storage
from .globs import compile_glob


class BadNamespaceFilePath(StorageError):
    """A namespace file path that climbs out of the namespace's files."""


class NamespaceFileNotFound(StorageError):
    pass


def path_matcher(patterns: str | Iterable[object] | None) -> Callable[[str], bool]:
    """Kestra's PathMatcherPredicate for one list of patterns: a path (with its leading
    `/`) matches when one pattern does; `regex:` patterns are regular expressions,
    others globs (`glob:` optional), and a glob starting with a word character matches
    at any depth (`*.py` is `**/*.py`).

    A `regex:` pattern is a user's Java regex, run as every other one is, under the
    regex time limit (expressions.java_regex): a catastrophic one fails with a
    LimitExceeded naming KESTRAWEB_REGEX_TIMEOUT. Globs need no limit (storage.globs)."""
    tests: list[Callable[[str], bool]] = []
    for pattern in [patterns] if isinstance(patterns, str) else list(patterns or []):
        pattern = str(pattern)
        if pattern.startswith("regex:"):
            java_regex.pattern(pattern[len("regex:"):])  # an invalid one is refused before any file
            tests.append(functools.partial(java_regex.matches, pattern[len("regex:"):]))
            continue
        pattern = pattern[len("glob:"):] if pattern.startswith("glob:") else pattern
        if re.match(r"\w", pattern):
            pattern = "**/" + pattern
        tests.append(compile_glob(pattern).matches)
    return lambda path: any(test(path) for test in tests)


class NamespaceFiles:
    """The files of one namespace."""

    def __init__(self, namespace: str, storage: StorageBackend | None = None):
        self.namespace = namespace
        self.storage = storage or internal_storage()

    def uri(self, path: str) -> str:
        """The kestra:// URI of the file at `path` (Kestra's `fileURI()` gives the same)."""
        return layout.namespace_file(self.namespace, self._clean(path))

    def list(self, include: str | Iterable[object] | None = None,
             exclude: str | Iterable[object] | None = None) -> list[str]:
        """Paths of the namespace's files, sorted, kept when they match one of `include`
        (all when empty) and none of `exclude`."""
        included = path_matcher(include) if include else (lambda path: True)
        excluded = path_matcher(exclude) if exclude else (lambda path: False)
        folder = layout.uri(layout.namespace_files_folder(self.namespace))
        return [path for path in self.storage.list_files(folder)
                if included("/" + path) and not excluded("/" + path)]

    def exists(self, path: str) -> bool:
        return self.storage.exists(self.uri(path))

    def read(self, path: str) -> bytes:
        uri = self.uri(path)
        if not self.storage.exists(uri):
            raise NamespaceFileNotFound(f"namespace file not found in '{self.namespace}': {path}")
        with self.storage.open(uri) as handle:
            return handle.read()

    def open(self, path: str) -> BinaryIO:
        """The file opened for reading (binary), to stream it; NamespaceFileNotFound when absent."""
        uri = self.uri(path)
        if not self.storage.exists(uri):
            raise NamespaceFileNotFound(f"namespace file not found in '{self.namespace}': {path}")
        return self.storage.open(uri)

    def write_file(self, path: str, source: Path) -> str:
        """Create or replace the file from a local file, without reading it into memory."""
        return self.storage.put(self.uri(path), source)

    def write(self, path: str, data: bytes) -> str:
        """Create or replace the file; returns its URI."""
        return self.storage.put_bytes(self.uri(path), data)

    def delete(self, path: str) -> bool:
        """Delete the file; False when there was none."""
        return self.storage.delete(self.uri(path))

    def remove_empty_folder(self, folder: str) -> None:
        """Remove `folder` when no file is left below it (Kestra's DeleteFiles
        deleteParentFolder); a folder holding a file stays."""
        uri = self.uri(folder)
        if not self.storage.list_files(uri):
            self.storage.delete_folder(uri)

    def local_path(self, path: str) -> Path:
        """Where the file is on disk, to copy it (into a working directory, say)."""
        return self.storage.local_path(self.uri(path))

    @staticmethod
    def _clean(path: str) -> str:
        cleaned = str(path).replace("\\", "/").lstrip("/")
        if not cleaned or layout.has_parent_segment(cleaned):
            raise BadNamespaceFilePath(f"Path must not contain '../': {path!r}" if cleaned
                                       else "a namespace file needs a path")
        return cleaned
