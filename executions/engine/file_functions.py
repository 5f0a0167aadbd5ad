"""Kestra's Pebble functions on files: `read`, `fileExists`, `fileSize`, `isFileEmpty`
and `fileURI` (io.kestra.core.runners.pebble.functions.*). Each takes a kestra:// URI
or a namespace file path (and an optional `namespace` for the latter); which files an
execution may touch is decided once, by storage.access.ExecutionStorage, before any of
them reads anything."""
from __future__ import annotations

from expressions import ExpressionError
from storage import StorageError
from storage.access import ExecutionStorage


def file_functions(storage: ExecutionStorage) -> dict:
    def checked(operation):
        def function(path=None, namespace=None):
            try:
                return operation(storage.resolve(path, namespace))
            except StorageError as exc:  # refused or missing: the render fails with the reason
                raise ExpressionError(str(exc)) from None
        return function

    return {
        "read": checked(lambda uri: storage.read_bytes(uri).decode()),
        "fileExists": checked(storage.exists),
        "fileSize": checked(storage.size),
        "isFileEmpty": checked(storage.is_empty),
        "fileURI": checked(lambda uri: uri),
    }
