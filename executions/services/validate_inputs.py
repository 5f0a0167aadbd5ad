"""Checking inputs without running anything (Kestra's ExecutionController
validateInputsOnCreate and validateInputsOnResume): each declared input with the value
it would take, whether it is enabled (its dependsOn), and its errors. A bad value is in
the answer, not an exception: the form shows it beside the input. Nothing is stored;
an uploaded file is checked as a file and forgotten."""
from __future__ import annotations

import tempfile
from pathlib import Path

import expressions
from executions.engine.create import input_condition, input_default
from executions.engine.expression_limits import expression_budget
from executions.engine.flow_index import index_for_source, spec_for_source
from executions.engine.flow_source import flow_source
from executions.models import Execution, TaskRun
from executions.operations import OperationRefused
from executions.states import State
from flows.models import FlowRevision
from flows.spec.inputs import check_inputs

from .launch import FlowNotExecutable, save_uploads


class RevisionNotFound(LookupError):
    """The flow has no such revision."""


def _checked(declared: list[dict], values_given: dict, uploads: dict, condition=None, render=None) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kestraweb-validate-") as folder:
        given = {**values_given, **save_uploads(uploads, Path(folder))}
        with expressions.within(expression_budget()):
            decls, values, enabled, errors = check_inputs(declared, given, condition=condition, render=render)
    by_input: dict[str, list[dict]] = {}
    for input_id, message in errors:
        by_input.setdefault(input_id, []).append({"message": message})
    found = []
    for decl in decls:
        input_id = decl.get("id")
        value = uploads[input_id].name if input_id in uploads else values.get(input_id, given.get(input_id))
        found.append({"input": decl, "value": value, "enabled": bool(enabled.get(input_id, True)),
                      "errors": by_input.get(input_id, [])})
    return found


def validate_new(flow, values: dict, uploads: dict, revision: int | None = None) -> dict:
    """Kestra's ApiValidateExecutionInputsResponse {id, namespace, inputs} for a new
    execution of `flow` (flows.models.Flow) at `revision` (its latest by default)."""
    if flow.disabled:
        raise FlowNotExecutable(f"Flow {flow.namespace}.{flow.flow_id} is disabled")
    found = FlowRevision.objects.only("source").filter(flow=flow, revision=revision or flow.revision).first()
    if found is None:
        raise RevisionNotFound(f"Flow {flow.namespace}.{flow.flow_id} has no revision {revision}")
    spec = spec_for_source(found.source)
    inputs = _checked(spec.inputs, values, uploads, condition=input_condition, render=input_default(flow))
    return {"id": flow.flow_id, "namespace": flow.namespace, "inputs": inputs}


def validate_resume(execution: Execution, values: dict, uploads: dict) -> dict:
    """The same answer for the `onResume` inputs of the Pause task a paused execution
    waits on (none declared, or paused by hand: no inputs). Not paused: OperationRefused."""
    if execution.state != State.PAUSED.value:
        raise OperationRefused(f"only a paused execution can be resumed (it is {execution.state})")
    waiting = TaskRun.objects.filter(execution_id=execution.id, state=State.PAUSED.value).order_by("seq").first()
    declared: list[dict] = []
    if waiting is not None:
        declared = index_for_source(flow_source(execution)).task(waiting.task_id).get("onResume") or []
    return {"id": execution.flow_id, "namespace": execution.namespace, "inputs": _checked(declared, values, uploads)}

