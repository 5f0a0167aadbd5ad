"""Internal storage: files of executions and namespaces, addressed by kestra:// URIs.
backend.py is the one interface of backends, backends.py picks the configured one
(settings.STORAGE_BACKEND): local files under KESTRAWEB_DATA_DIR today (local.py); an
S3-compatible backend is the next step. layout.py says where each file lives,
access.py which files an execution may read, namespace_files.py a namespace's files."""
from . import layout
from .backend import StorageBackend, StorageError
from .backends import internal_storage
from .local import InternalStorage, LocalStorage

__all__ = ["InternalStorage", "LocalStorage", "StorageBackend", "StorageError", "internal_storage", "layout"]
