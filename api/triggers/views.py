"""Kestra's Triggers API (TriggerController): search, per-flow list, unlock, restart,
delete, disable/enable, backfills, each also in bulk by a list of triggers or by query,
and the CSV export. A viewer reads; changing a trigger takes the editor role."""
from __future__ import annotations

from django.db.models import Q
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from executions import trigger_actions as actions
from executions.models import TriggerState
from executions.trigger_json import search_result_json, trigger_json, triggers_csv
from flows.models import Flow

from ..access import READ, WRITE, require
from ..filters.fields import parse_instant
from ..paging import page_params, paged
from ..problems import Conflict, FieldError, Unprocessable
from . import query
from .targets import state_in_body, state_of, states_in_list

TRIGGER = OpenApiTypes.OBJECT
PAGED = inline_serializer("PagedTriggers", {"results": serializers.ListField(child=serializers.DictField()),
                                            "total": serializers.IntegerField()})
BULK = inline_serializer("TriggerBulkResponse", {"count": serializers.IntegerField()})
FILTERS = [OpenApiParameter("filters", OpenApiTypes.OBJECT, style="deepObject", explode=True, required=False),
           OpenApiParameter("q", str, required=False), OpenApiParameter("namespace", str, required=False)]


def _refused(call, state, *args):
    try:
        return call(state, *args)
    except actions.TriggerActionRefused as exc:
        raise Conflict(str(exc)) from None


def _bulk(states, call, *args) -> Response:
    """Kestra's bulk actions: what cannot be done to one trigger is skipped, not an error."""
    count = 0
    for state in states:
        try:
            call(state, *args)
        except actions.TriggerActionRefused:
            continue
        count += 1
    return Response({"count": count})


def _body_filters(request):
    """kestrapy sends DELETE by-query's filters as a JSON body {filters: [...]}."""
    data = request.data
    return data.get("filters") if isinstance(data, dict) and data.get("filters") is not None else None


def _with_definitions(states) -> list[dict]:
    pairs = {(state.namespace, state.flow_id) for state in states}
    if not pairs:
        return []
    wanted = Q()
    for namespace, flow_id in pairs:
        wanted |= Q(namespace=namespace, flow_id=flow_id)
    found = actions.definitions(Flow.objects.filter(wanted, deleted=False))
    return [search_result_json(state, found.get((state.namespace, state.flow_id, state.trigger_id)))
            for state in states]


class SearchView(APIView):
    @extend_schema(parameters=FILTERS + [OpenApiParameter("dateFilter", str, required=False)], responses=PAGED)
    def get(self, request):
        page = page_params(request, query.SORT, ["namespace", "flow_id", "trigger_id"])
        result = paged(query.matching(request), page, lambda state: state)
        return Response({"results": _with_definitions(result["results"]), "total": result["total"]})


class FlowTriggersView(APIView):
    @extend_schema(parameters=[OpenApiParameter("q", str, required=False)], responses=PAGED)
    def get(self, request, namespace, flow_id):
        require(request, READ, namespace)
        rows = TriggerState.objects.filter(namespace=namespace, flow_id=flow_id)
        text = request.query_params.get("q")
        if text:
            rows = rows.filter(trigger_id__icontains=text)
        page = page_params(request, query.SORT, ["trigger_id"])
        return Response(paged(rows, page, trigger_json))


class TriggerView(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request, namespace, flow_id, trigger_id):
        actions.delete(state_of(request, namespace, flow_id, trigger_id))
        return Response(status=204)


class UnlockView(APIView):
    @extend_schema(request=None, responses=TRIGGER)
    def post(self, request, namespace, flow_id, trigger_id):
        state = _refused(actions.unlock, state_of(request, namespace, flow_id, trigger_id))
        return Response(trigger_json(state))


class RestartView(APIView):
    @extend_schema(request=None, responses=TRIGGER)
    def post(self, request, namespace, flow_id, trigger_id):
        return Response(trigger_json(actions.restart(state_of(request, namespace, flow_id, trigger_id))))


def _disabled_flag(value, pointer: str = "disabled") -> bool:
    if not isinstance(value, bool):
        raise Unprocessable("'disabled' must be true or false", [FieldError("must be true or false", pointer)])
    return value


class SetDisabledView(APIView):
    """PUT /triggers/set-disabled: a trigger with its `disabled` flag, or {trigger, disabled}."""

    @extend_schema(request=TRIGGER, responses=TRIGGER)
    def put(self, request):
        data = request.data if isinstance(request.data, dict) else None
        item = data.get("trigger") if data and isinstance(data.get("trigger"), dict) else data
        state = state_in_body(request, item)
        disabled = _disabled_flag((data or {}).get("disabled", (item or {}).get("disabled")))
        return Response(trigger_json(_refused(actions.set_disabled, state, disabled)))


class SetDisabledByTriggersView(APIView):
    @extend_schema(request=inline_serializer("SetDisabledRequest", {
        "triggers": serializers.ListField(child=serializers.DictField()), "disabled": serializers.BooleanField()}),
        responses=BULK)
    def post(self, request):
        data = request.data if isinstance(request.data, dict) else {}
        disabled = _disabled_flag(data.get("disabled"))
        return _bulk(states_in_list(request, data.get("triggers")), actions.set_disabled, disabled)


class SetDisabledByQueryView(APIView):
    @extend_schema(request=None, parameters=FILTERS + [OpenApiParameter("disabled", bool, required=False)],
                   responses=BULK)
    def post(self, request):
        raw = request.query_params.get("disabled", "true").lower()
        if raw not in ("true", "false"):
            raise Unprocessable("'disabled' must be true or false", [FieldError("must be true or false", "disabled")])
        return _bulk(query.matching(request, WRITE), actions.set_disabled, raw == "true")


class UnlockByTriggersView(APIView):
    @extend_schema(request={"application/json": {"type": "array", "items": {"type": "object"}}}, responses=BULK)
    def post(self, request):
        return _bulk(states_in_list(request, request.data), actions.unlock)


class UnlockByQueryView(APIView):
    @extend_schema(request=None, parameters=FILTERS, responses=BULK)
    def post(self, request):
        return _bulk(query.matching(request, WRITE), actions.unlock)


class DeleteByTriggersView(APIView):
    @extend_schema(request={"application/json": {"type": "array", "items": {"type": "object"}}},
                   responses={200: BULK})
    def delete(self, request):
        return _bulk(states_in_list(request, request.data), actions.delete)


class DeleteByQueryView(APIView):
    @extend_schema(request=OpenApiTypes.OBJECT, parameters=FILTERS, responses={200: BULK})
    def delete(self, request):
        return _bulk(query.matching(request, WRITE, _body_filters(request)), actions.delete)


def _labels(value) -> list:
    if value is None:
        return []
    if isinstance(value, dict):
        return [{"key": str(key), "value": str(item)} for key, item in value.items()]
    if isinstance(value, list) and all(isinstance(item, dict) and "key" in item for item in value):
        return [{"key": str(item["key"]), "value": str(item.get("value", ""))} for item in value]
    raise Unprocessable("backfill.labels must be a map or a list of {key, value}",
                        [FieldError("must be a map or a list of {key, value}", "backfill.labels")])


class BackfillCreateView(APIView):
    """PUT /triggers/backfill/create: a Schedule trigger with `backfill {start, end, inputs, labels}`."""

    @extend_schema(request=TRIGGER, responses=TRIGGER)
    def put(self, request):
        state = state_in_body(request, request.data)
        backfill = request.data.get("backfill")
        if not isinstance(backfill, dict) or not isinstance(backfill.get("start"), str):
            raise Unprocessable("A backfill needs a start date", [FieldError("required property missing",
                                                                             "backfill.start")])
        start = parse_instant(backfill["start"], "backfill.start")
        end = parse_instant(backfill["end"], "backfill.end") if isinstance(backfill.get("end"), str) else None
        inputs = backfill.get("inputs") or {}
        if not isinstance(inputs, dict):
            raise Unprocessable("backfill.inputs must be a map", [FieldError("must be a map", "backfill.inputs")])
        try:
            actions.create_backfill(state, start, end, inputs, _labels(backfill.get("labels")))
        except actions.BackfillInvalid as exc:
            raise Unprocessable(str(exc), [FieldError(str(exc), "backfill")]) from None
        return Response(trigger_json(state))


def single_view(call, *args):
    """A view changing the backfill of the trigger in its body."""

    class View(APIView):
        @extend_schema(request=TRIGGER, responses=TRIGGER)
        def put(self, request):
            return Response(trigger_json(_refused(call, state_in_body(request, request.data), *args)))

        @extend_schema(request=TRIGGER, responses=TRIGGER)
        def post(self, request):
            return self.put(request)

    return View.as_view()


def by_triggers_view(call, *args):
    class View(APIView):
        @extend_schema(request={"application/json": {"type": "array", "items": {"type": "object"}}},
                       responses=BULK)
        def post(self, request):
            return _bulk(states_in_list(request, request.data), call, *args)

    return View.as_view()


def by_query_view(call, *args):
    class View(APIView):
        @extend_schema(request=None, parameters=FILTERS, responses=BULK)
        def post(self, request):
            return _bulk(query.matching(request, WRITE, _body_filters(request)), call, *args)

    return View.as_view()


class ExportView(APIView):
    @extend_schema(parameters=FILTERS, responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request):
        rows = query.matching(request).order_by("namespace", "flow_id", "trigger_id")
        response = HttpResponse(triggers_csv(rows.iterator()), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="triggers.csv"'
        return response

