"""The Outputs tab: the flow's outputs and each taskrun's, as JSON in tree order, with
every internal-storage file they name offered for preview (the first
KESTRAWEB_OUTPUT_PREVIEW_BYTES of its text) and download; only the execution's own
files (storage.execution_files, as the API's file routes)."""
from __future__ import annotations

import json

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import render

from executions.models import TaskRun
from executions.taskrun_tree import tree_order
from storage import internal_storage, layout
from storage.access import ExecutionRef
from storage.execution_files import ExecutionFileMissing, NotAnExecutionFile, checked_file, file_name, preview

from ..access import page
from .lookup import execution_at
from .tabs import render_tab


def file_uris(value) -> list[str]:
    """The kestra:// URIs anywhere in an output value."""
    if isinstance(value, str):
        return [value] if layout.is_uri(value) else []
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [uri for item in items for uri in file_uris(item)]


def _pretty(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


@page
def outputs_tab(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    taskruns = tree_order(TaskRun.objects.filter(execution_id=execution.id)
                          .only("id", "seq", "parent_id", "task_id", "value", "state", "outputs"))
    rows = [{"taskrun": taskrun, "depth": depth, "json": _pretty(taskrun.outputs), "files": file_uris(taskrun.outputs)}
            for depth, taskrun in taskruns if taskrun.outputs][:settings.EXECUTION_PAGE_MAX_TASKRUNS]
    flow_outputs = execution.outputs or {}
    return render_tab(request, execution, "outputs", "executions/outputs.html", {
        "rows": rows, "flow_outputs": _pretty(flow_outputs) if flow_outputs else "",
        "flow_files": file_uris(flow_outputs),
    })


def _file(request, namespace, flow_id, execution_id):
    """(execution, uri) of `?path=`, or the 400/404 answer when it is not one of its files."""
    execution = execution_at(request, namespace, flow_id, execution_id)
    try:
        return checked_file(ExecutionRef(execution.namespace, execution.flow_id, execution.id),
                            request.GET.get("path") or ""), None
    except NotAnExecutionFile as exc:
        return None, HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    except ExecutionFileMissing as exc:
        return None, HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")


@page
def file_preview(request, namespace: str, flow_id: str, execution_id: str):
    uri, refused = _file(request, namespace, flow_id, execution_id)
    if refused:
        return refused
    shown = preview(uri, max_bytes=settings.OUTPUT_PREVIEW_BYTES)
    return render(request, "executions/_preview.html", {"uri": uri, "name": file_name(uri), **shown})


@page
def file_download(request, namespace: str, flow_id: str, execution_id: str):
    uri, refused = _file(request, namespace, flow_id, execution_id)
    if refused:
        return refused
    return FileResponse(internal_storage().open(uri), as_attachment=True, filename=file_name(uri),
                        content_type="application/octet-stream")
