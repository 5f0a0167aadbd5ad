"""Kestra's KV shapes: KVEntry (a key's metadata), the typed detail of one key, and the
bulk delete's request and answer."""
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from executions.models.state_history import iso

KV_TYPES = ("STRING", "NUMBER", "BOOLEAN", "DATETIME", "DATE", "DURATION", "JSON")


def _date(moment):
    return iso(moment) if moment else None


def entry_json(entry) -> dict:
    return {"namespace": entry.namespace, "key": entry.key, "revision": entry.revision,
            "description": entry.description or None, "creationDate": _date(entry.created),
            "updateDate": _date(entry.updated), "expirationDate": _date(entry.expiration)}


KVEntrySerializer = inline_serializer("KVEntry", {
    "namespace": serializers.CharField(), "key": serializers.CharField(), "revision": serializers.IntegerField(),
    "description": serializers.CharField(allow_null=True), "creationDate": serializers.DateTimeField(),
    "updateDate": serializers.DateTimeField(), "expirationDate": serializers.DateTimeField(allow_null=True),
})
KVDetailSerializer = inline_serializer("KVDetail", {
    "type": serializers.ChoiceField(choices=KV_TYPES), "value": serializers.JSONField(allow_null=True),
    "revision": serializers.IntegerField(), "updated": serializers.DateTimeField(),
})
KVPagedSerializer = inline_serializer("PagedResultsKVEntry", {
    "results": KVEntrySerializer.__class__(many=True), "total": serializers.IntegerField()})


class KeysSerializer(serializers.Serializer):
    keys = serializers.ListField(child=serializers.CharField(), required=False, default=list)
