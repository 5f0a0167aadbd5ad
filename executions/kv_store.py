"""Kestra's KV store: namespace-scoped keys holding JSON values, with optional TTL."""
from __future__ import annotations

from django.utils import timezone

from executions.models import KVEntry
from plugins.context import KeyExpired, KeyNotFound
from plugins.durations import after, parse_duration

__all__ = ["KeyExpired", "KeyNotFound", "NamespaceKV"]


class NamespaceKV:
    """The KV store seen from one namespace (the execution's, unless another is named)."""

    def __init__(self, namespace: str):
        self.namespace = namespace

    def get(self, key: str, namespace: str | None = None, error_on_missing: bool = False):
        """The key's value; None when it has none, or KeyNotFound with `error_on_missing`.
        An expired key raises KeyExpired and is deleted, as Kestra's InternalKVStore
        does on reading it: the caller decides whether that is a missing value."""
        ns = namespace or self.namespace
        entry = KVEntry.objects.filter(namespace=ns, key=key).first()
        if entry is not None and entry.expiration and entry.expiration <= timezone.now():
            entry.delete()
            raise KeyExpired()
        if entry is None:
            if error_on_missing:
                raise KeyNotFound(f"The key '{key}' does not exist in the namespace '{ns}'.")
            return None
        return entry.value

    def set(self, key: str, value, namespace: str | None = None, ttl=None, overwrite: bool = True) -> None:
        ns = namespace or self.namespace
        if not overwrite and KVEntry.objects.filter(namespace=ns, key=key).exists():
            raise ValueError(f"The key '{key}' already exists in the namespace '{ns}' and overwrite is false.")
        expiration = after(timezone.now(), parse_duration(ttl)) if ttl else None
        KVEntry.objects.update_or_create(namespace=ns, key=key, defaults={"value": value, "expiration": expiration})

    def delete(self, key: str, namespace: str | None = None) -> bool:
        deleted, _ = KVEntry.objects.filter(namespace=namespace or self.namespace, key=key).delete()
        return deleted > 0

    def keys(self, namespace: str | None = None, prefix: str = "") -> list[str]:
        qs = KVEntry.objects.filter(namespace=namespace or self.namespace, key__startswith=prefix)
        return list(qs.values_list("key", flat=True))
