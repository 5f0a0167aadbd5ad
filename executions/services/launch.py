"""Starting an execution from a request (Kestra's ExecutionController#createExecution):
inputs are the request's text values and uploaded files, each upload stored in internal
storage as the engine's create path stores any FILE input; the execution is handed to
the cluster once the transaction commits. Bad inputs raise flows.spec.InputInvalid
naming them, and nothing is written."""
from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import transaction

from executions.engine.breakpoints import set_breakpoints
from executions.engine.create import create_execution
from executions.models import Execution
from executions.queue import submit


class FlowNotExecutable(Exception):
    """The flow exists but cannot run now (disabled); Kestra answers 409."""


def save_uploads(uploads: dict, folder: Path) -> dict:
    """Each upload saved under `folder` with its own file name, given as its path."""
    paths = {}
    for index, (input_id, upload) in enumerate(uploads.items()):
        target = folder / str(index)
        target.mkdir()
        path = target / (Path(upload.name or input_id).name or input_id)
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths[input_id] = str(path)
    return paths


def launch(flow, inputs: dict | None = None, uploads: dict | None = None, labels=None,
           revision: int | None = None, schedule_date=None, kind: str | None = None,
           breakpoints: list[dict] | None = None) -> Execution:
    """A CREATED execution of `flow` (flows.models.Flow), submitted to the cluster. With
    `schedule_date` it stays CREATED until then (the executor waits for it and the
    sweeper starts it when due); `kind` is Kestra's ExecutionKind, kept as given;
    `breakpoints` hold it before those tasks (UnknownBreakpointTask, and nothing
    written, if one is not the flow's)."""
    if flow.disabled:
        raise FlowNotExecutable(f"Flow {flow.namespace}.{flow.flow_id} is disabled")
    with tempfile.TemporaryDirectory(prefix="kestraweb-upload-") as folder:
        values = {**(inputs or {}), **save_uploads(uploads or {}, Path(folder))}
        with transaction.atomic():
            execution = create_execution(flow, values, labels=labels, revision=revision)
            if schedule_date is not None or kind is not None:
                execution.schedule_date, execution.kind = schedule_date, kind
                execution.save(update_fields=["schedule_date", "kind"])
            if breakpoints:
                set_breakpoints(execution, breakpoints)
            execution_id = execution.id
            transaction.on_commit(lambda: submit(execution_id))
    return execution
