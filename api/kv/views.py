"""Kestra's KVController (`/namespaces/{ns}/kv[/{key}]`, `/kv`): set a key from a
JSON/Ion literal (headers `ttl`, `description`), read it typed, delete one or many,
list a namespace's keys (with its parents' for `inheritance`) and all visible keys.

The store is executions.kv_store.NamespaceKV, the one flows' kv() and KV tasks use."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.kv_store import KeyExpired, NamespaceKV
from executions.kv_values import InvalidValue, kv_type, parse_literal
from executions.models import KVEntry
from flows.spec.ids import MAX_NAMESPACE
from plugins.api.durations import DurationError, parse_duration
from plugins.core.kv import INVALID_KEY, VALID_KEY

from ..access import READ, WRITE, require, visible
from ..filters import Date, Search, Text, filter_q
from ..paging import page_params, paged
from ..parsers import refuse_unstorable
from ..problems import NotFound, invalid_parameter
from .serializers import KeysSerializer, KVDetailSerializer, KVEntrySerializer, KVPagedSerializer, entry_json

# The column's length: a longer key failed PostgreSQL (a 500), SQLite stored it.
_MAX_KEY = KVEntry._meta.get_field("key").max_length


def _checked_key(key: str) -> str:
    if not VALID_KEY.fullmatch(key):
        raise invalid_parameter("key", f"{INVALID_KEY} Got '{key}'.")
    if len(key) > _MAX_KEY:
        raise invalid_parameter("key", f"A key has at most {_MAX_KEY} characters (got {len(key)})")
    return key


def _writable_namespace(namespace: str) -> str:
    """The namespace a key is written to: any text Kestra takes, within its length."""
    if len(namespace) > MAX_NAMESPACE:
        raise invalid_parameter("namespace", f"A namespace has at most {MAX_NAMESPACE} characters "
                                             f"(got {len(namespace)})")
    return namespace


def _value(request, key: str):
    """The value and its recorded type from the body: text is a JSON/Ion literal (as
    Kestra reads either body); a JSON body is already parsed, its strings stay strings."""
    data = request.data
    if isinstance(data, str) and not request.content_type.startswith("application/json"):
        if not data.strip():
            raise invalid_parameter("body", f"A value is required for the key '{key}'")
        try:
            value, value_type = parse_literal(data)
        except InvalidValue as exc:
            raise invalid_parameter("body", f"{exc} (key '{key}')") from None
        refuse_unstorable(value)  # a literal's escapes (`"\\u0000"`) may make what the text did not hold
        return value, value_type
    if hasattr(data, "lists") and not data:  # no body at all
        raise invalid_parameter("body", f"A value is required for the key '{key}'")
    return data, ""


class KeyView(APIView):
    @extend_schema(responses=KVDetailSerializer)
    def get(self, request, namespace: str, key: str):
        require(request, READ, namespace)
        _checked_key(key)
        missing = NotFound(f"No value found for key '{key}' in namespace '{namespace}'")
        try:
            NamespaceKV(namespace).get(key)
        except KeyExpired:
            raise missing from None
        entry = KVEntry.objects.filter(namespace=namespace, key=key).first()
        if entry is None:
            raise missing
        return Response({"type": kv_type(entry.value, entry.value_type), "value": entry.value,
                         "revision": entry.revision, "updated": entry_json(entry)["updateDate"]})

    @extend_schema(request={"text/plain": OpenApiTypes.STR, "application/json": OpenApiTypes.ANY},
                   parameters=[OpenApiParameter("ttl", str, OpenApiParameter.HEADER),
                               OpenApiParameter("description", str, OpenApiParameter.HEADER)],
                   responses={200: None})
    def put(self, request, namespace: str, key: str):
        require(request, WRITE, namespace)
        _writable_namespace(namespace)
        _checked_key(key)
        value, value_type = _value(request, key)
        ttl = request.headers.get("ttl") or None
        if ttl:
            try:
                ttl = parse_duration(ttl)
            except DurationError as exc:
                raise invalid_parameter("ttl", str(exc)) from None
        NamespaceKV(namespace).set(key, value, ttl=ttl, description=request.headers.get("description") or "",
                                   value_type=value_type)
        return Response()

    @extend_schema(responses={200: OpenApiTypes.BOOL}, operation_id="delete_key_value")
    def delete(self, request, namespace: str, key: str):
        require(request, WRITE, namespace)
        return Response(NamespaceKV(namespace).delete(_checked_key(key)))


class NamespaceKeysView(APIView):
    @extend_schema(responses=KVEntrySerializer.__class__(many=True))
    def get(self, request, namespace: str):
        """Kestra 0.x's listKeys: the namespace's keys."""
        require(request, READ, namespace)
        return Response([entry_json(e) for e in NamespaceKV(namespace).entries()])

    @extend_schema(request=KeysSerializer, responses={200: KeysSerializer}, operation_id="delete_key_values")
    def delete(self, request, namespace: str):
        require(request, WRITE, namespace)
        body = KeysSerializer(data=request.data if isinstance(request.data, dict) else {"keys": None})
        body.is_valid(raise_exception=True)
        store = NamespaceKV(namespace)
        return Response({"keys": [key for key in body.validated_data["keys"] if store.delete(key)]})


def parents(namespace: str) -> list[str]:
    """The namespace then each parent (`a.b.c`, `a.b`, `a`), as KVController.collapseNamespace."""
    parts = namespace.split(".")
    return [".".join(parts[:depth]) for depth in range(len(parts), 0, -1)]


class InheritedKeysView(APIView):
    @extend_schema(responses=KVEntrySerializer.__class__(many=True))
    def get(self, request, namespace: str):
        """The keys of the namespace and of each parent the user may read, nearest first."""
        require(request, READ, namespace)
        readable = visible(request, KVEntry.objects.filter(namespace__in=parents(namespace)))
        entries = readable.exclude(expiration__lte=timezone.now())
        order = {ns: i for i, ns in enumerate(parents(namespace))}
        return Response([entry_json(e) for e in sorted(entries, key=lambda e: (order[e.namespace], e.key))])


FIELDS = {
    "namespace": Text("namespace"),
    "key": Text("key"),
    "q": Search(["key", "description"]),
    "updateDate": Date("updated"),
    "expirationDate": Date("expiration"),
}
SORT = {"key": "key", "namespace": "namespace", "updateDate": "updated", "creationDate": "created",
        "expirationDate": "expiration"}


class AllKeysView(APIView):
    @extend_schema(responses=KVPagedSerializer)
    def get(self, request):
        rows = visible(request, KVEntry.objects.all()).exclude(expiration__lte=timezone.now())
        rows = rows.filter(filter_q(request, FIELDS))
        return Response(paged(rows, page_params(request, SORT, ["namespace", "key"]), entry_json))



