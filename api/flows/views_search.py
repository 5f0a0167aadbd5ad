"""Listing and searching flows (Kestra's FlowController `find`, `getFlowsByNamespace`,
`source`, `listDistinctNamespace`): only namespaces the user may read are ever shown
or counted; deleted flows never are."""
from __future__ import annotations

from dataclasses import asdict

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.models import Flow
from flows.namespaces import SYSTEM_NAMESPACE
from flows.source_search import SECTIONS, BadPattern, compile_query, find_matches
from kestraweb.access import can, namespace_children

from ..access import READ, WRITE, require, visible
from ..filters import Custom, Search, Text, filter_q
from ..paging import page_params, paged
from ..problems import invalid_parameter
from .params import bool_param
from .serializers import STRINGS, FlowSerializer, current_json


def labels_q(condition) -> Q:
    """Labels are a JSON list of {key, value}: matched in Python, portable to SQLite."""
    def has(labels):
        return any(item.get("key") == condition.key and item.get("value") == condition.value for item in labels)

    wanted = condition.op == "EQUALS"
    return Q(pk__in=[pk for pk, labels in Flow.objects.values_list("pk", "labels") if has(labels or []) == wanted])


def scope_q(condition) -> Q:
    """USER flows are outside the system namespace, SYSTEM flows inside it."""
    scopes = condition.value if isinstance(condition.value, list) else [condition.value]
    unknown = set(scopes) - {"USER", "SYSTEM"}
    if unknown:
        raise invalid_parameter(condition.param or "scope",
                                f"unknown scope {sorted(unknown)[0]!r}; known: USER, SYSTEM")
    system = Q(namespace=SYSTEM_NAMESPACE) | namespace_children("namespace", SYSTEM_NAMESPACE)
    found = Q(pk__in=[])
    if "USER" in scopes:
        found |= ~system
    if "SYSTEM" in scopes:
        found |= system
    return found if condition.op in ("EQUALS", "IN") else ~found


FIELDS = {
    "namespace": Text("namespace"),
    "q": Search(["flow_id", "namespace", "description"]),
    "labels": Custom(labels_q, map=True),
    "scope": Custom(scope_q, ops=("EQUALS", "NOT_EQUALS", "IN", "NOT_IN")),
}
SORT = {"id": "flow_id", "namespace": "namespace", "revision": "revision", "updated": "updated"}


def live_flows(request):
    return visible(request, Flow.objects.filter(deleted=False))


class SearchFlowsView(APIView):
    @extend_schema(responses=inline_serializer("PagedResultsFlow", {
        "results": FlowSerializer(many=True), "total": serializers.IntegerField()}))
    def get(self, request):
        rows = live_flows(request).filter(filter_q(request, FIELDS))
        page = page_params(request, SORT, ["namespace", "flow_id"])
        return Response(paged(rows, page, lambda flow: current_json(flow, with_source=False)))


class NamespaceFlowsView(APIView):
    @extend_schema(responses=FlowSerializer(many=True))
    def get(self, request, namespace):
        require(request, READ, namespace)
        flows = Flow.objects.filter(namespace=namespace, deleted=False).order_by("flow_id")
        return Response([current_json(flow, with_source=False) for flow in flows])


class DistinctNamespacesView(APIView):
    @extend_schema(parameters=[OpenApiParameter("q", str)],
                   responses=STRINGS)
    def get(self, request):
        rows = live_flows(request)
        q = request.query_params.get("q")
        if q:
            rows = rows.filter(namespace__icontains=q)
        return Response(list(rows.order_by("namespace").values_list("namespace", flat=True).distinct()))


SOURCE_RESULT = inline_serializer("SourceSearchResult", {
    "namespace": serializers.CharField(), "id": serializers.CharField(), "editable": serializers.BooleanField(),
    "matches": inline_serializer("SourceMatch", {
        "line": serializers.IntegerField(), "column": serializers.IntegerField(),
        "snippet": serializers.CharField()}, many=True)}, many=True)


class SourceSearchView(APIView):
    @extend_schema(parameters=[OpenApiParameter(name, str) for name in ("q", "namespace", "scope")] + [
        OpenApiParameter(name, bool) for name in ("caseSensitive", "wholeWord", "regex")],
        responses=inline_serializer("PagedResultsSourceSearchResult", {
            "results": SOURCE_RESULT, "total": serializers.IntegerField()}))
    def get(self, request):
        scope = request.query_params.get("scope") or "ALL"
        if scope not in SECTIONS:
            raise invalid_parameter("scope", f"unknown scope {scope!r}; known: {', '.join(SECTIONS)}")
        query = request.query_params.get("q") or ""
        try:
            pattern = compile_query(query, bool_param(request, "caseSensitive", False),
                                    bool_param(request, "wholeWord", False), bool_param(request, "regex", False))
        except BadPattern as exc:
            raise invalid_parameter("q", str(exc)) from None
        rows = live_flows(request).filter(filter_q(request, {"namespace": Text("namespace")}))
        page = page_params(request, SORT, ["namespace", "flow_id"])
        hits = []
        for flow in rows.order_by(*page.order_by).only("namespace", "flow_id", "source"):
            matches = find_matches(flow.source, pattern, scope) if query else []
            if matches or not query:
                hits.append({"namespace": flow.namespace, "id": flow.flow_id,
                             "editable": can(request.user, WRITE, flow.namespace),
                             "matches": [asdict(match) for match in matches]})
        return Response({"results": hits[page.offset:page.offset + page.size], "total": len(hits)})
