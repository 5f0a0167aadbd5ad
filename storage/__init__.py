"""Internal storage: files of executions under KESTRAWEB_DATA_DIR, addressed by kestra:// URIs."""
from .local import InternalStorage, StorageError, internal_storage

__all__ = ["InternalStorage", "StorageError", "internal_storage"]
