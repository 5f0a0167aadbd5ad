"""Which storage backend the service uses: settings.STORAGE_BACKEND
(env KESTRAWEB_STORAGE_BACKEND) names one of BACKENDS. Only "local" exists today;
an S3-compatible backend is the next step (see storage/backend.py)."""
from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from .backend import StorageBackend
from .local import LocalStorage


class UnknownStorageBackend(LookupError):
    """KESTRAWEB_STORAGE_BACKEND names no backend."""


def _local() -> StorageBackend:
    return LocalStorage(settings.STORAGE_DIR)


BACKENDS: dict[str, Callable[[], StorageBackend]] = {"local": _local}


def internal_storage() -> StorageBackend:
    """The configured backend, built from the current settings (tests change them)."""
    name = settings.STORAGE_BACKEND
    factory = BACKENDS.get(name)
    if factory is None:
        raise UnknownStorageBackend(
            f"KESTRAWEB_STORAGE_BACKEND={name!r} is not a storage backend: one of {', '.join(sorted(BACKENDS))}")
    return factory()
