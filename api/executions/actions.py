"""Actions on one execution (Kestra 2.0's `/executions/{id}/actions/<action>`, and the
1.x `/executions/{id}/<action>`): kill, restart, replay, replay-with-inputs, resume,
pause, labels, taskrun state. Each answers the execution as it is after the action
(a replay: the new execution); an action its state does not allow is a 409."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import WRITE
from api.parsers import FormParser, JSONParser, MultiPartParser, PlainTextParser
from api.problems import FieldError, NotFound, Unprocessable, invalid_parameter
from executions.services import actions
from executions.services.evaluate import evaluate
from executions.states import State
from expressions import ExpressionError

from .lookup import find, fresh_json, refused_as_conflict
from .params import breakpoints_of, flag, inputs_of, integer

EXECUTION = {200: OpenApiTypes.OBJECT}
BREAKPOINTS_HELP = "stop before these tasks: 'taskId' or 'taskId.value', comma-separated"
REPLAY_PARAMS = [OpenApiParameter("taskRunId", str), OpenApiParameter("revision", int),
                 OpenApiParameter("breakpoints", str, description=BREAKPOINTS_HELP)]


class Action(APIView):
    """An action: find the execution (WRITE on its namespace), run it, answer the execution."""

    def act(self, request, execution_id: str):
        raise NotImplementedError

    def run(self, request, execution_id: str):
        find(request, execution_id, WRITE)
        with refused_as_conflict():
            result = self.act(request, execution_id)
        return Response(fresh_json(result.id))


class Kill(Action):
    def act(self, request, execution_id):
        return actions.kill(execution_id, cascade=flag(request, "isOnKillCascade", True))

    @extend_schema(operation_id="killExecution", parameters=[OpenApiParameter("isOnKillCascade", bool)],
                   request=None, responses=EXECUTION)
    def delete(self, request, execution_id: str):
        return self.run(request, execution_id)


class Restart(Action):
    def act(self, request, execution_id):
        return actions.restart(execution_id, integer(request, "revision"))

    @extend_schema(operation_id="restartExecution", parameters=[OpenApiParameter("revision", int)],
                   request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class Pause(Action):
    def act(self, request, execution_id):
        return actions.pause(execution_id)

    @extend_schema(operation_id="pauseExecution", request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


def _taskrun_param(request) -> str | None:
    return request.query_params.get("taskRunId") or None


class Replay(Action):
    def act(self, request, execution_id):
        return actions.replay(execution_id, _taskrun_param(request), revision=integer(request, "revision"),
                              breakpoints=breakpoints_of(request))

    @extend_schema(operation_id="replayExecution", parameters=REPLAY_PARAMS, request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class ReplayWithInputs(Action):
    parser_classes = [MultiPartParser, FormParser]

    def act(self, request, execution_id):
        revision = integer(request, "revision")
        inputs, uploads = inputs_of(request)
        return actions.replay(execution_id, _taskrun_param(request), inputs, uploads, revision,
                              breakpoints_of(request))

    @extend_schema(operation_id="replayExecutionWithInputs", parameters=REPLAY_PARAMS, request=None,
                   responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class Resume(Action):
    parser_classes = [MultiPartParser, FormParser]

    def act(self, request, execution_id):
        inputs, uploads = inputs_of(request)
        return actions.resume(execution_id, inputs, uploads)

    @extend_schema(operation_id="resumeExecution", request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


LABELS = {"type": "array", "items": {"type": "object", "required": ["key", "value"], "properties": {
    "key": {"type": "string"}, "value": {"type": "string"}}}}
TASKRUN_STATE = {"type": "object", "required": ["taskRunId", "state"], "properties": {
    "taskRunId": {"type": "string"}, "state": {"type": "string", "enum": [s.value for s in State]}}}


def labels_body(data) -> list[dict]:
    """A JSON list of {key, value}; other keys (the client's `additional_properties`) ignored."""
    if not isinstance(data, list):
        raise Unprocessable("The body must be a JSON list of {key, value}", [FieldError("not a list", "")])
    labels = []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str) or not item["key"].strip() \
                or not isinstance(item.get("value"), (str, int, float, bool)):
            raise Unprocessable(f"Label {index} must be {{key, value}} with a non-empty key",
                                [FieldError("key and value required", f"[{index}]")])
        labels.append({"key": item["key"], "value": str(item["value"])})
    return labels


class Labels(Action):
    parser_classes = [JSONParser]

    def act(self, request, execution_id):
        return actions.set_labels(execution_id, labels_body(request.data))

    @extend_schema(operation_id="setLabelsOnTerminatedExecution", request={"application/json": LABELS},
                   responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class TaskRunState(Action):
    parser_classes = [JSONParser]

    def act(self, request, execution_id):
        data = request.data if isinstance(request.data, dict) else {}
        taskrun_id, state = data.get("taskRunId"), data.get("state")
        if not isinstance(taskrun_id, str) or state not in [s.value for s in State]:
            raise Unprocessable("The body must be {taskRunId, state} with a known state",
                                [FieldError("required", "taskRunId"), FieldError("a state name", "state")])
        return actions.change_taskrun_state(execution_id, taskrun_id, state)

    @extend_schema(operation_id="updateTaskRunState", request={"application/json": TASKRUN_STATE}, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


def status_param(request, name: str) -> str:
    status = request.query_params.get(name)
    if status not in [s.value for s in State]:
        raise invalid_parameter(name, f"{status!r} is not a state")
    return status


class ChangeStatus(Action):
    def act(self, request, execution_id):
        return actions.change_status(execution_id, status_param(request, "status"))

    @extend_schema(operation_id="updateExecutionStatus", parameters=[OpenApiParameter("status", str, required=True)],
                   request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class Unqueue(Action):
    def act(self, request, execution_id):
        state = status_param(request, "state") if request.query_params.get("state") else "RUNNING"
        return actions.unqueue(execution_id, state)

    @extend_schema(operation_id="unqueueExecution", parameters=[OpenApiParameter("state", str)], request=None,
                   responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


class ForceRun(Action):
    def act(self, request, execution_id):
        return actions.force_run(execution_id)

    @extend_schema(operation_id="forceRunExecution", request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)


def _expression(request) -> str:
    if not isinstance(request.data, str) or not request.data.strip():
        raise Unprocessable("The body must be the expression, as text/plain", [FieldError("empty", "")])
    return request.data


class Eval(APIView):
    """POST /executions/{id}/actions/eval (text/plain): `{result}`; a bad expression is a 422."""

    parser_classes = [PlainTextParser]

    @extend_schema(operation_id="evalExpression", request={"text/plain": OpenApiTypes.STR}, responses=EXECUTION)
    def post(self, request, execution_id: str):
        find(request, execution_id)
        try:
            return Response({"result": evaluate(execution_id, _expression(request))})
        except ExpressionError as exc:
            raise Unprocessable(f"Invalid expression: {exc}", [FieldError(str(exc), "expression")]) from None


class EvalTaskRun(APIView):
    """POST /executions/{id}/eval/{taskRunId} (Kestra 1.x): `{result, error}`, the error
    (a bad expression) in the body rather than as a status; an unknown taskrun is a 404."""

    parser_classes = [PlainTextParser]

    @extend_schema(operation_id="evalTaskRunExpression", request={"text/plain": OpenApiTypes.STR},
                   responses=EXECUTION)
    def post(self, request, execution_id: str, taskrun_id: str):
        find(request, execution_id)
        expression = _expression(request)
        try:
            return Response({"result": evaluate(execution_id, expression, taskrun_id), "error": None})
        except LookupError as exc:
            raise NotFound(str(exc)) from None
        except ExpressionError as exc:
            return Response({"result": None, "error": str(exc)})


ACTIONS = {"kill": Kill, "restart": Restart, "pause": Pause, "replay": Replay,
           "replay-with-inputs": ReplayWithInputs, "resume": Resume, "labels": Labels, "state": TaskRunState,
           "change-status": ChangeStatus, "unqueue": Unqueue, "force-run": ForceRun,
           "eval": Eval}
