"""Templates: listed from visible namespaces only, edited in the flows' editor and
saved through flows.template_changes, as the API saves them."""
from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from flows import template_changes
from flows.models import Template
from flows.spec import FlowInvalid, SpecError
from flows.spec.yaml_lines import line_of, load
from kestraweb.access import WRITE, can, namespace_children, visible_namespaces_filter

from ..access import may_write, page, require_read, require_write
from ..flows.editor import REFUSED, Editor, posted_source, starting_namespace
from ..flows.lookup import writes_somewhere
from ..paging import page_of

NEW_TEMPLATE = """id: my_template
namespace: {namespace}

tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: Hello from a template
"""


def _template(user, namespace: str, template_id: str) -> Template:
    require_read(user, namespace)
    template = Template.objects.filter(namespace=namespace, template_id=template_id).first()
    if template is None:
        raise Http404(f"no template {namespace}.{template_id}")
    return template


@page
@require_GET
def template_list(request):
    """`q` searches id, namespace and description; `namespace` keeps it and its children."""
    rows = Template.objects.filter(visible_namespaces_filter(request.user, "namespace"))
    q, namespace = request.GET.get("q", "").strip(), request.GET.get("namespace", "").strip()
    if q:
        rows = rows.filter(Q(template_id__icontains=q) | Q(namespace__icontains=q) | Q(description__icontains=q))
    if namespace:
        rows = rows.filter(Q(namespace=namespace) | namespace_children("namespace", namespace))
    rows = rows.order_by("namespace", "template_id").only("namespace", "template_id", "description", "updated")
    return render(request, "flow_templates/list.html", {
        "page": page_of(request, rows), "filters": {"q": q, "namespace": namespace},
        "can_create": writes_somewhere(request.user)})


def _refused(request, context: dict, source: str, errors, status: int, editing: tuple[str, str] | None = None):
    context["editor"] = Editor.refused(source, "template", errors, editing)
    return render(request, "flow_templates/editor.html", context, status=status)


@page
@require_http_methods(["GET", "POST"])
def new_template(request):
    if request.method == "GET":
        source = NEW_TEMPLATE.format(namespace=starting_namespace(request.user))
        return render(request, "flow_templates/editor.html", {"editor": Editor(source, "template")})
    source = posted_source(request)
    try:
        spec = template_changes.check_template(source)
        if not can(request.user, WRITE, spec.namespace):
            return _refused(request, {}, source, [SpecError(
                "namespace", f"your role does not allow creating templates in namespace {spec.namespace}",
                line_of(load(source), "namespace"))], 403)
        template = template_changes.create_template(source)
    except FlowInvalid as exc:
        return _refused(request, {}, source, exc.errors, REFUSED)
    messages.success(request, f"Template {template.namespace}.{template.template_id} created")
    return redirect("template", namespace=template.namespace, template_id=template.template_id)


@page
@require_http_methods(["GET", "POST"])
def edit_template(request, namespace, template_id):
    if request.method == "GET":
        template = _template(request.user, namespace, template_id)
        editor = Editor(template.source, "template", read_only=not may_write(request.user, namespace),
                        editing=(template.namespace, template.template_id))
        return render(request, "flow_templates/editor.html", {"template": template, "editor": editor})
    require_write(request.user, namespace)
    template = _template(request.user, namespace, template_id)
    source = posted_source(request)
    try:
        template_changes.update_template(template, source)
    except FlowInvalid as exc:
        return _refused(request, {"template": template}, source, exc.errors, REFUSED,
                        (template.namespace, template.template_id))
    messages.success(request, f"Template {namespace}.{template_id} saved")
    return redirect("template", namespace=namespace, template_id=template_id)


@page
@require_POST
def delete_template(request, namespace, template_id):
    require_write(request.user, namespace)
    _template(request.user, namespace, template_id).delete()
    messages.success(request, f"Template {namespace}.{template_id} deleted")
    return redirect("templates")
