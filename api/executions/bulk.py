"""Bulk actions (Kestra's ExecutionController `.../by-ids` and `.../by-query`): the
executions named by a JSON list of ids, or selected by the search filters, in
namespaces the user may write in; each gets the action, those whose state refuses it
are left as they are; the answer is Kestra's BulkResponse `{count}` of those acted on."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import WRITE, visible
from api.parsers import JSONParser
from api.problems import FieldError, Unprocessable
from executions.models import Execution
from executions.operations import OperationRefused
from executions.services import actions

from .actions import LABELS, labels_body, status_param
from .params import flag
from .views import searched

IDS = {"type": "array", "items": {"type": "string"}}
# The request body of each kind of bulk action, as the checks below read it.
BODIES = {("ids", False): IDS, ("query", False): None, ("query", True): LABELS,
          ("ids", True): {"type": "object", "required": ["executionsId", "executionLabels"],
                          "properties": {"executionsId": IDS, "executionLabels": LABELS}}}
DELETE_PARAMS = [OpenApiParameter(name, bool) for name in
                 ("includeNonTerminated", "deleteLogs", "deleteMetrics", "deleteStorage")]
COUNT = {"type": "object", "required": ["count"], "properties": {"count": {"type": "integer"}}}


def _ids(data) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise Unprocessable("The body must be a JSON list of execution ids", [FieldError("not a list of ids", "")])
    return data


def _labels_by_ids(data) -> tuple[list[str], list[dict]]:
    if not isinstance(data, dict):
        raise Unprocessable("The body must be {executionsId, executionLabels}", [FieldError("not an object", "")])
    return _ids(data.get("executionsId")), labels_body(data.get("executionLabels"))


class Bulk(APIView):
    parser_classes = [JSONParser]
    by = "ids"

    def apply(self, request, execution_id: str, body):
        raise NotImplementedError

    def body(self, request):
        """(ids named, or None for a query; what the action needs from the body)."""
        return (_ids(request.data), None) if self.by == "ids" else (None, None)

    def check(self, request) -> None:
        """Parameters checked before any execution is acted on, even when none is."""

    def answer(self, request):
        self.check(request)
        ids, extra = self.body(request)
        rows = Execution.objects.filter(pk__in=ids) if ids is not None else searched(request, WRITE)
        count = 0
        for execution_id in visible(request, rows, action=WRITE).values_list("id", flat=True):
            try:
                self.apply(request, execution_id, extra)
            except OperationRefused:
                continue
            count += 1
        return Response({"count": count})


def _unqueue_state(request) -> str:
    """by-ids says `state`, by-query `newState` (kestrapy 2.0.3); RUNNING by default."""
    name = "state" if request.query_params.get("state") else "newState"
    return status_param(request, name) if request.query_params.get(name) else "RUNNING"


def _delete(request, execution_id, _):
    """Kestra's includeNonTerminated: false (default) leaves executions under way."""
    actions.delete(execution_id, delete_logs=flag(request, "deleteLogs", True),
                   delete_storage=flag(request, "deleteStorage", True),
                   delete_metrics=flag(request, "deleteMetrics", True),
                   include_non_terminated=flag(request, "includeNonTerminated"))


def _labels(request, execution_id, labels):
    actions.set_labels(execution_id, labels)


class _LabelsIds(Bulk):
    def body(self, request):
        return _labels_by_ids(request.data)


class _LabelsQuery(Bulk):
    by = "query"

    def body(self, request):
        return None, labels_body(request.data)


ACTIONS = {  # name: (HTTP method, what it does to one execution)
    "kill": ("delete", lambda request, execution_id, _: actions.kill(execution_id)),
    "restart": ("post", lambda request, execution_id, _: actions.restart(execution_id)),
    "resume": ("post", lambda request, execution_id, _: actions.resume(execution_id)),
    "pause": ("post", lambda request, execution_id, _: actions.pause(execution_id)),
    "replay": ("post", lambda request, execution_id, _: actions.replay(execution_id)),
    "labels": ("post", _labels),
    "force-run": ("post", lambda request, execution_id, _: actions.force_run(execution_id)),
    "unqueue": ("post", lambda request, execution_id, _: actions.unqueue(execution_id, _unqueue_state(request))),
    "change-status": ("post", lambda request, execution_id, _: actions.change_status(
        execution_id, status_param(request, "newStatus"))),
}


def _body(by: str, labels: bool) -> dict | None:
    schema = BODIES[by, labels]
    return {"application/json": schema} if schema else None


def _view(name: str, by: str, method: str, apply, base=Bulk):
    def handler(self, request):
        return self.answer(request)

    parameters = DELETE_PARAMS if name == "delete" else None
    handler = extend_schema(operation_id=f"bulk_{name}_by_{by}".replace("-", "_"), parameters=parameters,
                            request=_body(by, name == "labels"), responses={200: COUNT})(handler)
    members = {"by": by, "apply": lambda self, request, execution_id, extra: apply(request, execution_id, extra),
               method: handler}
    if name == "delete":
        members["check"] = lambda self, request: [flag(request, p.name) for p in DELETE_PARAMS]
    return type(f"Bulk{name.title()}By{by.title()}", (base,), members)


def routes() -> list[tuple[str, type]]:
    """(path, view) of every bulk action, the deletes first (`executions/by-ids`)."""
    found = [("executions/by-ids", _view("delete", "ids", "delete", _delete)),
             ("executions/by-query", _view("delete", "query", "delete", _delete))]
    for name, (method, apply) in ACTIONS.items():
        for by in ("ids", "query"):
            base = {"ids": _LabelsIds, "query": _LabelsQuery}[by] if name == "labels" else Bulk
            found.append((f"executions/{name}/by-{by}", _view(name, by, method, apply, base)))
    return found
