"""Outputs of an execution (Kestra 2.0's OutputsController): the flow's outputs, the
task runs that have outputs, and one task run's outputs."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.executions.lookup import find
from api.problems import NotFound
from executions.models import TaskRun


class ExecutionOutputs(APIView):
    @extend_schema(operation_id="executionOutputs", responses={200: OpenApiTypes.OBJECT})
    def get(self, request, execution_id: str):
        return Response(find(request, execution_id).outputs or {})


class TaskOutputsInformation(APIView):
    @extend_schema(operation_id="taskOutputsInformation", responses={200: list[dict]})
    def get(self, request, execution_id: str):
        find(request, execution_id)
        rows = TaskRun.objects.filter(execution_id=execution_id).exclude(outputs={}).order_by("seq")
        return Response([{"taskId": tr.task_id, "taskRunId": tr.id, "value": tr.value, "iteration": tr.iteration,
                          "inline": True} for tr in rows.only("id", "task_id", "value", "iteration", "outputs")
                         if tr.outputs])


class TaskRunOutputs(APIView):
    @extend_schema(operation_id="taskRunOutputs", responses={200: OpenApiTypes.OBJECT})
    def get(self, request, execution_id: str, taskrun_id: str):
        find(request, execution_id)
        taskrun = TaskRun.objects.filter(execution_id=execution_id, pk=taskrun_id).only("outputs").first()
        if taskrun is None:
            raise NotFound(f"Task run not found: {taskrun_id} in execution {execution_id}")
        return Response(taskrun.outputs or {})


# Older 2.0 snapshots served the task outputs at `/outputs/{executionId}[/{taskRunId}]`
# (contract §3.3), before `/outputs/executions/` joined them under `/outputs/tasks/`.
class LegacyTaskOutputsInformation(TaskOutputsInformation):
    @extend_schema(operation_id="legacyTaskOutputsInformation", responses={200: list[dict]})
    def get(self, request, execution_id: str):
        return super().get(request, execution_id)


class LegacyTaskRunOutputs(TaskRunOutputs):
    @extend_schema(operation_id="legacyTaskRunOutputs", responses={200: OpenApiTypes.OBJECT})
    def get(self, request, execution_id: str, taskrun_id: str):
        return super().get(request, execution_id, taskrun_id)
