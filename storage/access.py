"""Internal storage as one execution may see it: the single place where Kestra's rule
on which files a flow may read is checked (Kestra's
`io.kestra.core.runners.pebble.functions.AbstractFileFunction#checkAllowedFile...`).

An execution may read:
- its own files;
- the files of every execution of a flow of its own namespace, and that namespace's
  files (Kestra lets a namespace read the namespaces it is allowed; a namespace is
  allowed itself and no other);
- the files of the execution that started it (a Subflow's or ForEachItem's parent,
  read from `trigger.executionId`/`namespace`/`flowId`), and that one's namespace files.

Anything else, and any path written with `..`, is refused before the disk is touched,
whatever the operation (read, exists, size)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import layout
from .backend import StorageBackend, StorageError
from .backends import internal_storage
from .namespace_files import NamespaceFiles

# Any `scheme:` but kestra's is refused rather than read as a namespace file path.
OTHER_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

TRAVERSAL_REFUSED = "File should be accessed with their full path and not using relative '..' path."


class FileNotAllowed(StorageError):
    """A file the execution may not read; the message is Kestra's."""


class NotAStorageURI(StorageError):
    pass


class BadFileArgument(StorageError):
    """What was given is neither a kestra:// URI nor a namespace file path."""


@dataclass(frozen=True)
class ExecutionRef:
    namespace: str
    flow_id: str
    execution_id: str

    @classmethod
    def of_trigger(cls, trigger_variables: object) -> ExecutionRef | None:
        """The execution named by a trigger's variables (a Subflow's parent), if any."""
        values = trigger_variables if isinstance(trigger_variables, dict) else {}
        if all(isinstance(values.get(k), str) and values[k] for k in ("namespace", "flowId", "executionId")):
            return cls(values["namespace"], values["flowId"], values["executionId"])
        return None

    def owns(self, path: str) -> bool:
        return path.startswith(layout.execution_folder(self.namespace, self.flow_id, self.execution_id) + "/")


class ExecutionStorage:
    """Reads of internal storage on behalf of one execution, each checked first."""

    def __init__(self, execution: ExecutionRef, parent: ExecutionRef | None = None,
                 storage: StorageBackend | None = None):
        self.execution, self.parent = execution, parent
        self.storage = storage or internal_storage()

    def check(self, uri: object) -> str:
        """`uri` when this execution may read it; raises FileNotAllowed otherwise."""
        if not isinstance(uri, str) or not layout.is_uri(uri):
            raise NotAStorageURI(f"not an internal storage URI: {uri!r} (expected {layout.SCHEME}...)")
        path = layout.path_of(uri)
        if layout.has_parent_segment(path):
            raise FileNotAllowed(TRAVERSAL_REFUSED)
        if not self._allowed(path):
            raise FileNotAllowed(f"Unable to read the file '{uri}' as it didn't belong to the current execution")
        return uri

    def resolve(self, path: object, namespace: str | None = None) -> str:
        """The URI a file function's `path` names, once allowed: a kestra:// URI as it is,
        anything else a namespace file of `namespace` (by default the flow's), as
        Kestra's file functions read their argument."""
        if not isinstance(path, str) or not path:
            raise BadFileArgument(f"Unable to read the file {path}")
        if layout.is_uri(path):
            return self.check(path)
        if OTHER_SCHEME.match(path):
            raise BadFileArgument(f"Cannot process the URI {path}: scheme not supported.")
        namespace = str(namespace) if namespace else self.execution.namespace
        if namespace not in self._namespaces():
            raise FileNotAllowed(f"Namespace {namespace} is not allowed.")
        return self.check(NamespaceFiles(namespace, self.storage).uri(path))

    def _namespaces(self) -> tuple[str, ...]:
        return (self.execution.namespace,) + ((self.parent.namespace,) if self.parent else ())

    def _allowed(self, path: str) -> bool:
        own, parent = self.execution, self.parent
        if own.owns(path) or layout.is_namespace_entry(path, own.namespace):
            return True
        return parent is not None and (
            parent.owns(path) or path.startswith(layout.namespace_files_folder(parent.namespace) + "/"))

    def open(self, uri: str) -> BinaryIO:
        return self.storage.open(self.check(uri), "rb")

    def read_bytes(self, uri: str) -> bytes:
        with self.open(uri) as handle:
            return bytes(handle.read())

    def exists(self, uri: str) -> bool:
        return self.storage.exists(self.check(uri))

    def size(self, uri: str) -> int:
        """Size in bytes; a missing file is an error naming it."""
        return self.storage.size(self.check(uri))

    def is_empty(self, uri: str) -> bool:
        return self.size(uri) == 0

    def delete(self, uri: str) -> bool:
        """Delete a file this execution may read; False when there was none."""
        return self.storage.delete(self.check(uri))

    def local_path(self, uri: str) -> Path:
        return self.storage.local_path(self.check(uri))
