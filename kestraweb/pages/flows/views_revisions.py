"""A flow's revisions: the list, two of them side by side, and restoring an old one,
which Kestra does by saving its source as a new revision (history is never rewritten)."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from flows import flow_changes
from flows.spec import FlowInvalid

from ..access import may_write, page
from .lookup import readable_flow, writable_flow


def _picked(request, name: str, revisions: list[int], default: int) -> int:
    """A revision number from the query string; one the flow lacks (or a word) gives the default."""
    try:
        wanted = int(request.GET.get(name, ""))
    except ValueError:
        return default
    return wanted if wanted in revisions else default


@page
@require_GET
def revisions(request, namespace, flow_id):
    flow = readable_flow(request.user, namespace, flow_id)
    rows = list(flow.revisions.order_by("-revision").only("revision", "created"))
    numbers = [row.revision for row in rows]
    context = {"flow": flow, "tab": "revisions", "revisions": rows, "writable": may_write(request.user, namespace)}
    if len(numbers) >= 2:
        left = _picked(request, "left", numbers, numbers[1])
        right = _picked(request, "right", numbers, numbers[0])
        sources = dict(flow.revisions.filter(revision__in={left, right}).values_list("revision", "source"))
        context.update(left=left, right=right, diff={"before": sources[left], "after": sources[right]})
    return render(request, "flows/revisions.html", context)


@page
@require_POST
def restore(request, namespace, flow_id, revision):
    flow = writable_flow(request.user, namespace, flow_id)
    old = flow.revisions.filter(revision=revision).first()
    if old is None:
        raise Http404(f"flow {namespace}.{flow_id} has no revision {revision}")
    before = flow.revision
    try:
        flow = flow_changes.update_flow(flow, old.source)
    except FlowInvalid as exc:
        messages.error(request, f"Revision {revision} no longer validates, so it cannot be restored: {exc}")
        return redirect("flow-revisions", namespace=namespace, flow_id=flow_id)
    if flow.revision == before:
        messages.info(request, f"Revision {revision} is the current source: nothing to restore")
    else:
        messages.success(request, f"Revision {revision} restored as revision {flow.revision}")
    return redirect("flow-revisions", namespace=namespace, flow_id=flow_id)
