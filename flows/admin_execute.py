"""The admin's Execute page of a flow: a form of the flow's typed inputs that creates
an execution and hands it to the cluster, as Kestra's Execute button does (its
ExecutionController#createExecution: the flow must be executable, the inputs are read
by the flow's declarations, the execution is queued, not run in the web process).

Input errors come back next to their field, in the spec's words (InputInvalid); an
uploaded FILE input goes to internal storage as any FILE input does."""
from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from executions.engine.create import create_execution
from executions.queue import submit
from executions.services.launch import save_uploads
from flows.executable import not_executable
from flows.input_fields import given_value, input_field
from flows.spec import InputInvalid

EXECUTE_PERMISSION = "executions.add_execution"
TEMPLATE = "admin/flows/flow/execute.html"


class ExecuteForm(forms.Form):
    def __init__(self, declared: list[dict], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.declared = declared
        for decl in declared:
            self.fields[decl["id"]] = input_field(decl)

    def inputs(self, upload_dir: Path) -> dict:
        """The values given, by input id; each uploaded file saved under `upload_dir`
        with its own name and given as its path, which create_execution stores."""
        given = {decl["id"]: given_value(self.cleaned_data.get(decl["id"])) for decl in self.declared}
        given = {input_id: value for input_id, value in given.items() if value is not None}
        uploads = {decl["id"]: given[decl["id"]] for decl in self.declared
                   if decl["type"] == "FILE" and decl["id"] in given}
        saved = save_uploads(uploads, upload_dir)
        return {input_id: saved.get(input_id, value) for input_id, value in given.items()}

    def show_errors(self, invalid: InputInvalid) -> None:
        for input_id, message in invalid.errors:
            self.add_error(input_id if input_id in self.fields else None, message)


def can_execute(request, model_admin, flow) -> bool:
    return model_admin.has_view_permission(request, flow) and request.user.has_perm(EXECUTE_PERMISSION)


def execute_view(model_admin, request, object_id):
    flow = model_admin.get_object(request, unquote(object_id))
    if flow is None:
        raise Http404(f"no flow with id {object_id!r}")
    if not can_execute(request, model_admin, flow):
        raise PermissionDenied
    problem = not_executable(flow)
    declared = [] if problem else flow.spec().inputs
    if request.method == "POST":
        form = ExecuteForm(declared, request.POST, request.FILES)
        if problem is None and form.is_valid():
            with tempfile.TemporaryDirectory(prefix="kestraweb-upload-") as upload_dir:
                try:
                    execution = create_execution(flow, form.inputs(Path(upload_dir)))
                except InputInvalid as exc:
                    form.show_errors(exc)
                else:
                    submit(execution.id)
                    messages.success(request, f"Execution {execution.id} created: the cluster runs it.")
                    return redirect("admin:executions_execution_change", execution.id)
    else:
        form = ExecuteForm(declared)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta, "original": flow, "title": f"Execute {flow}",
        "form": form, "problem": problem,
    }
    return TemplateResponse(request, TEMPLATE, context, status=409 if problem and request.method == "POST" else 200)
