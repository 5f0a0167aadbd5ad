"""Kestra's NamespaceController (OSS) plus the Namespace CRUD that Kestra's client
offers: a namespace is `{id, deleted}`; search and autocomplete list the known
namespaces (flows' namespaces at every level, created ones, `system`) the user may see.
Kestra OSS keeps no description or variables for a namespace: inherited variables are {}."""
from __future__ import annotations

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows import namespaces
from kestraweb.access import can

from ..access import ADMIN, READ, WRITE, require, visible
from ..filters import Search, Text, filter_q
from ..paging import page_params
from ..problems import Conflict, NotFound, invalid_parameter

NamespaceSerializer = inline_serializer("Namespace", {
    "id": serializers.CharField(), "deleted": serializers.BooleanField(),
    "description": serializers.CharField(required=False, allow_null=True),
    "variables": serializers.DictField(required=False)})
PagedNamespaces = inline_serializer("PagedResultsNamespace", {
    "results": NamespaceSerializer.__class__(many=True), "total": serializers.IntegerField()})


class NamespaceBody(serializers.Serializer):
    id = serializers.CharField()


class AutocompleteBody(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    ids = serializers.ListField(child=serializers.CharField(), required=False, allow_null=True)
    existingOnly = serializers.BooleanField(required=False, default=False)


def namespace_json(name: str) -> dict:
    return {"id": name, "deleted": False, "description": None, "variables": {}}


def _checked(name: str, pointer: str = "id") -> str:
    try:
        return namespaces.check_id(name)
    except namespaces.BadNamespace as exc:
        raise invalid_parameter(pointer, str(exc)) from None


FIELDS = {"q": Search(["name"]), "namespace": Text("name"), "id": Text("name")}
# The plain `q` is read apart (it may match `system`); `namespace=` is a prefix.
LEGACY = {"namespace": ("namespace", "PREFIX")}


def visible_names(request, q: str | None, filters: Q | None = None) -> list[str]:
    """The names the user may read, containing `q` (ignoring case) and kept by the
    search's filters, sorted; `system` too when only `q` narrows the list."""
    rows = visible(request, namespaces.all_names(), field="name")
    if q:
        rows = rows.filter(name__icontains=q)
    if filters:
        rows = rows.filter(filters)
    names = set(rows.values_list("name", flat=True))
    if (not filters and (not q or q.lower() in namespaces.SYSTEM_NAMESPACE)
            and can(request.user, READ, namespaces.SYSTEM_NAMESPACE)):
        names.add(namespaces.SYSTEM_NAMESPACE)
    return sorted(names)


class NamespacesView(APIView):
    @extend_schema(request=NamespaceBody, responses=NamespaceSerializer)
    def post(self, request):
        body = NamespaceBody(data=request.data if isinstance(request.data, dict) else {})
        body.is_valid(raise_exception=True)
        name = _checked(body.validated_data["id"])
        require(request, WRITE, name)
        try:
            namespaces.create(name)
        except namespaces.NamespaceExists as exc:
            raise Conflict(str(exc)) from None
        return Response(namespace_json(name))


class NamespaceView(APIView):
    @extend_schema(responses=NamespaceSerializer)
    def get(self, request, namespace_id: str):
        """Kestra OSS answers any namespace id (it derives namespaces, stores none)."""
        _checked(namespace_id)
        require(request, READ, namespace_id)
        return Response(namespace_json(namespace_id))

    @extend_schema(request=NamespaceBody, responses=NamespaceSerializer)
    def put(self, request, namespace_id: str):
        _checked(namespace_id)
        require(request, WRITE, namespace_id)
        if not namespaces.exists(namespace_id):
            raise NotFound(f"Namespace not found: {namespace_id}")
        return Response(namespace_json(namespace_id))

    @extend_schema(responses={204: None})
    def delete(self, request, namespace_id: str):
        _checked(namespace_id)
        require(request, ADMIN, namespace_id)
        try:
            found = namespaces.delete(namespace_id)
        except namespaces.NamespaceInUse as exc:
            raise Conflict(str(exc)) from None
        if not found:
            raise NotFound(f"Namespace not found: {namespace_id}")
        return Response(status=204)


class SearchNamespacesView(APIView):
    @extend_schema(parameters=[OpenApiParameter("q", str), OpenApiParameter("existing", bool)],
                   responses=PagedNamespaces)
    def get(self, request):
        page = page_params(request, {"id": "name"}, ["name"])
        names = visible_names(request, request.query_params.get("q"), filter_q(request, FIELDS, legacy=LEGACY))
        if page.order_by[0] == "-name":
            names.reverse()
        rows = names[page.offset:page.offset + page.size]
        return Response({"results": [namespace_json(n) for n in rows], "total": len(names)})


class AutocompleteView(APIView):
    @extend_schema(request=AutocompleteBody, responses={200: {"type": "array", "items": {"type": "string"}}})
    def post(self, request):
        body = AutocompleteBody(data=request.data if isinstance(request.data, dict) else {})
        body.is_valid(raise_exception=True)
        names = visible_names(request, body.validated_data.get("q"))[:50]
        forced = [n for n in body.validated_data.get("ids") or [] if n not in names and can(request.user, READ, n)
                  and namespaces.exists(n)]
        return Response(sorted(names + forced))


class InheritedVariablesView(APIView):
    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, namespace_id: str):
        _checked(namespace_id)
        require(request, READ, namespace_id)
        return Response({})
