"""Cache archives of a task (a WorkingDirectory's `cache`), kept as Kestra's
StorageBackend.getCacheFile / putCacheFile keep them (StorageContext.getCacheURI):

    /<namespace as folders>/<flow slug>/<task slug>/cache/cache.zip
    /<namespace as folders>/<flow slug>/<task slug>/cache/<hash of the value>/cache.zip

The second form is for a task run with a value (inside a loop): each value has its own
archive, named by the Murmur3 128-bit hash Kestra's Hashing.hashToString gives. An
archive is fresh for `ttl` from the time it was last written; asked for later, it is
deleted and not given (no ttl: it never expires).
"""
from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import mmh3

from expressions.filters.strings import slugify

from . import layout
from .backend import StorageBackend
from .backends import internal_storage


def value_hash(value: str) -> str:
    """Kestra's Hashing.hashToString: Guava's murmur3_128 of the UTF-8 bytes, in hex."""
    return mmh3.hash_bytes(value.encode("utf-8")).hex()


class TaskCache:
    """The cache archives of one task of one flow."""

    def __init__(self, namespace: str, flow_id: str, task_id: str, storage: StorageBackend | None = None):
        self.namespace, self.flow_slug, self.task_slug = namespace, slugify(flow_id), slugify(task_id)
        self.storage = storage or internal_storage()

    def uri(self, value: str | None = None) -> str:
        return layout.task_cache_file(self.namespace, self.flow_slug, self.task_slug,
                                      None if value is None else value_hash(value))

    def fetch(self, value: str | None, ttl: timedelta | None) -> Path | None:
        """Where the archive kept for `value` is, to read it; None when there is none or
        it has expired (an expired one is deleted)."""
        uri = self.uri(value)
        if not self.storage.exists(uri):
            return None
        path = self.storage.local_path(uri)
        if ttl is not None and time.time() > path.stat().st_mtime + ttl.total_seconds():
            path.unlink(missing_ok=True)
            return None
        return path

    def keep(self, value: str | None, archive: Path) -> str:
        """Store (or replace) the archive for `value` from a file; its URI."""
        return self.storage.put(self.uri(value), archive)
