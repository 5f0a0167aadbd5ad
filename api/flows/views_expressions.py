"""`POST /flows/expressions?taskId` (Kestra 2.0): the Pebble expressions a task of the
posted flow may use, by category, for the editor's autocompletion: the outputs of the
tasks before it, the execution context, the flow's inputs and variables, the KV keys of
its namespace (when the user may read it), the filters and functions. Values carry no
`{{ }}`; KV keys come as ready-to-insert calls (`kv('key')`). Nothing is saved."""
from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.expression_catalog import filter_names, function_names
from executions.models import KVEntry
from flows.spec import parse_flow
from kestraweb.access import READ, can
from plugins.api.registry import resolve

from ..problems import invalid_parameter
from .params import yaml_body
from .views_crud import YAML_REQUEST

EXECUTION_CONTEXT = (
    "execution.id", "execution.startDate", "execution.state", "execution.originalId", "flow.id", "flow.namespace",
    "flow.revision", "flow.tenantId", "task.id", "task.type", "taskrun.id", "taskrun.startDate",
    "taskrun.attemptsCount", "taskrun.parentId", "taskrun.value", "trigger", "labels", "envs", "globals")


def _task_outputs(tasks: list[dict]) -> list[str]:
    paths = []
    for task in tasks:
        cls = resolve(str(task.get("type")))
        paths.append(f"outputs.{task['id']}")
        paths += [f"outputs.{task['id']}.{output.name}" for output in getattr(cls, "outputs", ())]
    return paths


class ExpressionsView(APIView):
    @extend_schema(operation_id="expressions", request=YAML_REQUEST, parameters=[OpenApiParameter("taskId", str)],
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request):
        spec = parse_flow(yaml_body(request))
        tasks = [task for task, _path in spec.all_tasks()]
        task_id = request.query_params.get("taskId")
        if task_id:
            ids = [task.get("id") for task in tasks]
            if task_id not in ids:
                raise invalid_parameter("taskId", f"no task {task_id!r} in flow {spec.namespace}.{spec.id}")
            tasks = tasks[:ids.index(task_id)]  # only the tasks run before it have outputs
        keys: list[str] = []
        if can(request.user, READ, spec.namespace):
            keys = list(KVEntry.objects.filter(namespace=spec.namespace)
                        .exclude(expiration__lte=timezone.now()).order_by("key").values_list("key", flat=True))
        return Response({
            "taskOutputs": _task_outputs(tasks),
            "executionContext": list(EXECUTION_CONTEXT) + [f"labels.{label['key']}" for label in spec.labels],
            "inputs": [f"inputs.{item['id']}" for item in spec.inputs],
            "variables": [f"vars.{name}" for name in spec.variables],
            "secrets": [],
            "kvPairs": [f"kv('{key}')" for key in keys],
            "namespaceFiles": [],
            "filters": list(filter_names()),
            "functions": list(function_names()),
        })
