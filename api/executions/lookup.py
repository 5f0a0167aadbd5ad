"""One execution, as the endpoints under /executions/{id} find it: 404 when it does not
exist, 403 when the user may not `action` in its namespace; its Kestra JSON read fresh."""
from __future__ import annotations

from contextlib import contextmanager

from api.access import READ, require
from api.problems import Conflict, NotFound, invalid_parameter
from executions.models import Execution, TaskRun
from executions.operations import OperationRefused, UnknownBreakpointTask, UnknownRevision
from executions.serializers import execution_json


def find(request, execution_id: str, action: str = READ) -> Execution:
    execution = Execution.objects.filter(pk=execution_id).first()
    if execution is None:
        raise NotFound(f"Execution not found: {execution_id}")
    require(request, action, execution.namespace)
    return execution


def fresh_json(execution_id: str) -> dict:
    """The execution as stored now, with its taskruns (outputs inline, for 1.x clients)."""
    execution = Execution.objects.get(pk=execution_id)
    return execution_json(execution, list(TaskRun.objects.filter(execution_id=execution_id).order_by("seq")))


@contextmanager
def refused_as_conflict():
    """An operation that does not apply to the execution's state is a 409, as in Kestra;
    a `revision` the flow does not have, or a breakpoint on a task it does not have, is
    a 422 naming the parameter."""
    try:
        yield
    except OperationRefused as exc:
        raise Conflict(str(exc)) from None
    except UnknownRevision as exc:
        raise invalid_parameter("revision", str(exc)) from None
    except UnknownBreakpointTask as exc:
        raise invalid_parameter("breakpoints", str(exc)) from None
