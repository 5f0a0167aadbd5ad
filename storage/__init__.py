"""Internal storage: files of executions and namespaces under KESTRAWEB_DATA_DIR,
addressed by kestra:// URIs. layout.py says where each file lives, access.py which
files an execution may read, namespace_files.py the files of a namespace."""
from . import layout
from .local import InternalStorage, StorageError, internal_storage

__all__ = ["InternalStorage", "StorageError", "internal_storage", "layout"]
