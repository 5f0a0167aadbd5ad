"""Kestra's KV store: namespace-scoped keys holding JSON values, with optional TTL."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from executions.models import KVEntry
from plugins.api.context import KeyExpired, KeyNotFound
from plugins.api.durations import after, parse_duration

__all__ = ["KeyExpired", "KeyNotFound", "NamespaceKV"]


class NamespaceKV:
    """The KV store seen from one namespace (the execution's, unless another is named)."""

    def __init__(self, namespace: str):
        self.namespace = namespace

    def get(self, key: str, namespace: str | None = None, error_on_missing: bool = False) -> Any:
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

    def set(self, key: str, value: Any, namespace: str | None = None, ttl: timedelta | str | None = None,
            overwrite: bool = True, description: str = "", value_type: str = "") -> None:
        """Create or replace the key. A replacement counts a new revision and keeps the
        creation date; `value_type` records a type JSON cannot hold (DATETIME, DATE)."""
        ns = namespace or self.namespace
        expiration = after(timezone.now(), parse_duration(ttl)) if ttl else None
        fields = {"value": value, "expiration": expiration, "description": description or "",
                  "value_type": value_type or ""}
        with transaction.atomic():
            entry = KVEntry.objects.select_for_update().filter(namespace=ns, key=key).first()
            if entry is None:
                KVEntry.objects.create(namespace=ns, key=key, **fields)
                return
            if not overwrite:
                raise ValueError(f"The key '{key}' already exists in the namespace '{ns}' and overwrite is false.")
            for name, field_value in fields.items():
                setattr(entry, name, field_value)
            entry.revision += 1
            entry.save()

    def delete(self, key: str, namespace: str | None = None) -> bool:
        deleted, _ = KVEntry.objects.filter(namespace=namespace or self.namespace, key=key).delete()
        return deleted > 0

    def entries(self, namespace: str | None = None) -> list[KVEntry]:
        """The namespace's keys that have not expired, by key."""
        now = timezone.now()
        return list(KVEntry.objects.filter(namespace=namespace or self.namespace)
                    .exclude(expiration__lte=now).order_by("key"))

    def keys(self, namespace: str | None = None, prefix: str = "") -> list[str]:
        qs = KVEntry.objects.filter(namespace=namespace or self.namespace, key__startswith=prefix)
        return list(qs.values_list("key", flat=True))
