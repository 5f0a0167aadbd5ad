"""Creating and editing a flow's YAML, and the editor's two helpers: live validation
(`POST /ui/flows/validate`) and completion (`GET /ui/flows/completion.json`). Saving
goes through flows.flow_changes, as the API's does: an invalid flow changes nothing and
comes back with each problem at its line."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from flows import flow_changes
from flows.spec import FlowInvalid, SpecError, parse_flow
from flows.spec.labels import SETTABLE_SYSTEM_LABELS
from flows.spec.yaml_lines import line_of, load
from kestraweb.access import WRITE, can

from ..access import may_write, page
from ..blueprints.catalog import find as find_blueprint
from .completion import completion_types
from .editor import REFUSED, Editor, posted_source, starting_namespace
from .lookup import readable_flow, writable_flow
from .problems import UnknownKind, problems_json, problems_of

READ_ONLY_LABEL = SETTABLE_SYSTEM_LABELS[0]  # system.readOnly
NEW_FLOW = """id: {flow_id}
namespace: {namespace}

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: Hello World! 🚀
"""


def initial_source(request) -> str:
    """The text a new flow starts with: the blueprint a "Use" button named
    (`?blueprint=<id>`), else Kestra's hello world in the user's default namespace."""
    blueprint = find_blueprint(request.GET.get("blueprint", ""))
    if blueprint is not None:
        return blueprint.source
    return NEW_FLOW.format(flow_id="my_flow", namespace=starting_namespace(request.user))


def _refused(request, template: str, context: dict, source: str, kind: str, errors, status: int,
             editing: tuple[str, str] | None = None):
    context["editor"] = Editor.refused(source, kind, errors, editing)
    return render(request, template, context, status=status)


@page
@require_http_methods(["GET", "POST"])
def new_flow(request):
    if request.method == "GET":
        return render(request, "flows/new.html", {"editor": Editor(initial_source(request))})
    source = posted_source(request)
    try:
        spec = parse_flow(source)
        if not can(request.user, WRITE, spec.namespace):
            return _refused(request, "flows/new.html", {}, source, "flow", [SpecError(
                "namespace", f"your role does not allow creating flows in namespace {spec.namespace}",
                line_of(load(source), "namespace"))], 403)
        flow = flow_changes.create_flow(source)
    except FlowInvalid as exc:
        return _refused(request, "flows/new.html", {}, source, "flow", exc.errors, REFUSED)
    messages.success(request, f"Flow {flow.namespace}.{flow.flow_id} created")
    return redirect("flow-overview", namespace=flow.namespace, flow_id=flow.flow_id)


def labelled_read_only(flow) -> bool:
    """Kestra's `system.readOnly: true` label: the flow is managed elsewhere (CI, Terraform),
    so its page shows the source without Save; the API still takes updates from there."""
    return any(label.get("key") == READ_ONLY_LABEL and str(label.get("value")).lower() == "true"
               for label in flow.labels or [])


@page
@require_http_methods(["GET", "POST"])
def flow_source(request, namespace, flow_id):
    """The flow's YAML: editable by who may write there, read-only (no Save) for others."""
    if request.method == "GET":
        flow = readable_flow(request.user, namespace, flow_id)
        editor = Editor(flow.source, read_only=not may_write(request.user, namespace),
                        editing=(flow.namespace, flow.flow_id))
        if labelled_read_only(flow):
            editor.read_only, editor.why_read_only = True, (
                "the flow is labelled system.readOnly: true, so it is changed where it is managed, not here")
        return render(request, "flows/source.html", {"flow": flow, "tab": "source", "editor": editor})
    flow = writable_flow(request.user, namespace, flow_id)
    source = posted_source(request)
    before = flow.revision
    try:
        flow = flow_changes.update_flow(flow, source)
    except FlowInvalid as exc:
        return _refused(request, "flows/source.html", {"flow": flow, "tab": "source"}, source, "flow",
                        exc.errors, REFUSED, (flow.namespace, flow.flow_id))
    if flow.revision == before:
        messages.info(request, "No change: the source is the current revision's")
    else:
        messages.success(request, f"Saved as revision {flow.revision}")
    return redirect("flow-source", namespace=namespace, flow_id=flow_id)


@page
@require_POST
def validate(request):
    """The problems of the posted YAML (the body, as the editor sends it), each with its
    line and column: `{"errors": [...]}`. Nothing is saved; `?kind=template` checks
    a template's rules too; `&namespace=…&id=…` (the one being edited) flags a change of
    either, which saving refuses. It only compares texts, so it needs no access to them."""
    try:
        body = request.body
    except RequestDataTooBig as exc:
        return JsonResponse({"errors": [{"line": 1, "column": 1, "message": str(exc)}]}, status=413)
    namespace, identifier = request.GET.get("namespace"), request.GET.get("id")
    editing = (namespace, identifier) if namespace and identifier else None
    try:
        problems = problems_of(request.GET.get("kind", "flow"), body, editing)
    except UnknownKind as exc:
        return JsonResponse({"errors": [], "detail": str(exc)}, status=400)
    return JsonResponse({"errors": problems_json(problems, body.decode("utf-8", errors="replace"))})


@page
@require_GET
def completion(request):
    response = JsonResponse({"types": completion_types()})
    response["Cache-Control"] = "private, max-age=3600"
    return response
