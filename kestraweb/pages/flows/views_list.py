"""The flows list (Kestra's /ui/flows): search, the namespace tree, labels, pages."""
from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import page
from ..label_filter import labels_text, split_labels
from ..paging import page_of
from .listing import BadFilter, filtered_flows, live_flows, namespace_tree, visible_namespaces, wanted_filters
from .lookup import writes_somewhere


@page
@require_GET
def flow_list(request):
    params = split_labels(wanted_filters(request))
    problem = None
    try:
        rows = filtered_flows(request.user, params)
    except BadFilter as exc:
        problem, rows = str(exc), live_flows(request.user).none()
    context = {
        "page": page_of(request, rows.only("namespace", "flow_id", "revision", "description", "labels",
                                            "disabled", "updated")),
        "filters": {**{name: params.get(name, "") for name in ("q", "namespace")}, "labels": labels_text(params)},
        "tree": namespace_tree(visible_namespaces(request.user)),
        "problem": problem,
        "can_create": writes_somewhere(request.user),
    }
    return render(request, "flows/list.html", context)
