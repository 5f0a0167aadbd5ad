"""The Execute page of a flow (Kestra's Execute button): its typed inputs, labels and a
scheduled date; a submission starts the execution the way the API's create does
(executions.services.launch: FILE uploads go to internal storage, the cluster runs it)
and opens its page. A bad value re-renders the form with the message beside the input
it names, and nothing is created; a disabled flow says so and starts nothing."""
from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from executions.services.launch import FlowNotExecutable, launch
from executions.services.validate_inputs import validate_new
from flows.executable import not_executable
from flows.spec import InputInvalid

from ..access import page
from ..objects import flow_at
from .inputs_form import InputsForm
from .options_form import OptionsForm

TEMPLATE = "flow_run/execute.html"


def execution_path(execution) -> str:
    return f"/ui/executions/{execution.namespace}/{execution.flow_id}/{execution.id}"


def _enabled(flow, texts: dict) -> dict[str, bool]:
    """Which inputs apply with these values (their `dependsOn`), as the API's validate says."""
    checked = validate_new(flow, texts, {})
    return {item["input"]["id"]: item["enabled"] for item in checked["inputs"]}


@page
def execute(request, namespace: str, flow_id: str):
    flow = flow_at(request.user, namespace, flow_id, write=True)
    problem = not_executable(flow)
    declared = [] if problem else flow.spec().inputs
    status = 200
    if request.method == "POST":
        form = InputsForm(declared, request.POST, request.FILES)
        options = OptionsForm(request.POST)
        if problem is None and form.is_valid() and options.is_valid():
            texts, uploads = form.values()
            try:
                execution = launch(flow, texts, uploads, options.cleaned_data["labels"],
                                   schedule_date=options.cleaned_data["schedule_date"])
            except InputInvalid as exc:
                form.show(exc)
            except FlowNotExecutable as exc:
                problem = str(exc)
            else:
                return redirect(execution_path(execution))
        status = 409 if problem else 200
    else:
        form = InputsForm(declared)
        options = OptionsForm()
    if problem is None and form.has_conditions:
        values = form.values()[0] if form.is_bound else {}
        for input_id, on in _enabled(flow, values).items():
            form.fields[input_id].enabled = on
    return render(request, TEMPLATE, {"flow": flow, "form": form, "options": options, "problem": problem},
                  status=status)


@page
@require_POST
def conditions(request, namespace: str, flow_id: str):
    """Which inputs apply with the values in the form now (their `dependsOn`), so the
    page shows only those; asked again at each change."""
    flow = flow_at(request.user, namespace, flow_id, write=True)
    if not_executable(flow):
        return JsonResponse({"enabled": {}}, status=409)
    form = InputsForm(flow.spec().inputs, request.POST)
    form.is_valid()
    return JsonResponse({"enabled": _enabled(flow, form.values()[0])})
