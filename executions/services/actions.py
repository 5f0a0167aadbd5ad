"""The API's actions on one execution: the engine's operations, then the execution
handed to the cluster (a restarted, resumed or replayed execution needs an executor
round to go on; a kill needs one to stop what runs). OperationRefused from the
operations means "not in this state" (409); InputInvalid names the bad inputs (422)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import transaction

from executions import operations
from executions.engine.create import resolve_inputs
from executions.engine.flow_index import spec_for_source
from executions.engine.flow_source import flow_source
from executions.models import Execution
from executions.queue import submit
from flows.models import Flow
from flows.spec import InputInvalid
from plugins.api.context import ExecutionNotFound, ExecutionNotResumable

from .launch import save_uploads


def _submitted(execution: Execution) -> Execution:
    execution_id = execution.id
    transaction.on_commit(lambda: submit(execution_id))
    return execution


def kill(execution_id: str, cascade: bool = True) -> Execution:
    with transaction.atomic():
        return _submitted(operations.kill(execution_id, cascade))


def restart(execution_id: str, revision: int | None = None) -> Execution:
    with transaction.atomic():
        return _submitted(operations.restart(execution_id, revision))


def pause(execution_id: str) -> Execution:
    return operations.pause(execution_id)


def resume(execution_id: str, inputs: dict | None = None, uploads: dict | None = None) -> Execution:
    with tempfile.TemporaryDirectory(prefix="kestraweb-upload-") as folder, transaction.atomic():
        values = {**(inputs or {}), **save_uploads(uploads or {}, Path(folder))}
        return _submitted(operations.resume(execution_id, values))


def change_taskrun_state(execution_id: str, taskrun_id: str, state: str) -> Execution:
    with transaction.atomic():
        return _submitted(operations.change_taskrun_state(execution_id, taskrun_id, state))


def replay(execution_id: str, taskrun_id: str | None = None, inputs: dict | None = None,
           uploads: dict | None = None, revision: int | None = None, breakpoints: list[dict] | None = None
           ) -> Execution:
    """A replay; with `inputs`/`uploads` (replay-with-inputs), the new execution takes
    those inputs, checked against the flow revision it runs, instead of the original's.
    With `breakpoints` it stops before those tasks (UnknownBreakpointTask if one is not
    the flow's)."""
    with tempfile.TemporaryDirectory(prefix="kestraweb-upload-") as folder, transaction.atomic():
        copy = operations.replay(execution_id, taskrun_id, revision, breakpoints)
        if inputs or uploads:
            flow = Flow.objects.get(namespace=copy.namespace, flow_id=copy.flow_id)
            values = {**(inputs or {}), **save_uploads(uploads or {}, Path(folder))}
            copy.inputs = resolve_inputs(flow, spec_for_source(flow_source(copy)), copy.id, values)
            copy.save(update_fields=["inputs"])
        return _submitted(copy)


def resume_from_breakpoint(execution_id: str, breakpoints: list[dict] | None = None) -> Execution:
    with transaction.atomic():
        return _submitted(operations.resume_from_breakpoint(execution_id, breakpoints))


def unqueue(execution_id: str, state: str = "RUNNING") -> Execution:
    with transaction.atomic():
        return _submitted(operations.unqueue(execution_id, state))


def force_run(execution_id: str) -> Execution:
    with transaction.atomic():
        return _submitted(operations.force_run(execution_id))


def change_status(execution_id: str, status: str) -> Execution:
    return operations.change_status(execution_id, status)


def set_labels(execution_id: str, labels) -> Execution:
    return operations.set_labels(execution_id, labels)


def delete(execution_id: str, delete_logs: bool = True, delete_storage: bool = True,
           delete_metrics: bool = True, include_non_terminated: bool = False) -> None:
    operations.delete(execution_id, delete_logs=delete_logs, delete_storage=delete_storage,
                      delete_metrics=delete_metrics, include_non_terminated=include_non_terminated)


def resume_for_task(execution_id: str, inputs: dict | None) -> None:
    """Kestra's Resume task: the operation's refusals (not paused, onResume inputs that
    do not fit) as the plugin API names them."""
    if not Execution.objects.filter(pk=execution_id).exists():
        raise ExecutionNotFound(f"No execution found for execution id {execution_id}")
    try:
        resume(execution_id, inputs)
    except operations.OperationRefused as refused:
        raise ExecutionNotResumable(str(refused)) from None
    except InputInvalid as invalid:
        raise ExecutionNotResumable(f"execution {execution_id} cannot be resumed with these inputs: {invalid}") \
            from None
