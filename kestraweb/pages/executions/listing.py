"""`/ui/executions`: the executions the user may see, newest first, filtered as the
API's search filters, a page at a time. A page reads its ids from an index (start date,
or namespace and start date) and then only its own rows, as api.executions.views does:
the cost of a page does not grow with the number of executions."""
from __future__ import annotations

from django.shortcuts import render

from executions.models import Execution
from kestraweb.access import WRITE, can, visible_namespaces_filter
from kestraweb.models import Preferences

from ..access import page
from ..label_filter import labels_text, split_labels
from ..paging import page_of
from .by_states import IdsByStates
from .filters import STATES, BadFilter, filter_params, filter_q

ORDER = ("-start_date", "id")  # the index execution_by_start (and execution_ns_start_id by namespace)
LISTED = ("id", "namespace", "flow_id", "state", "start_date", "end_date", "labels")


@page
def execution_list(request):
    params = split_labels(filter_params(request, Preferences.of(request.user).default_namespace))
    visible = Execution.objects.filter(visible_namespaces_filter(request.user))
    error = None
    try:
        rows = visible.filter(filter_q(params))
    except BadFilter as bad:
        error, rows = str(bad), Execution.objects.none()
    states = sorted({s for raw in params.getlist("state") for s in raw.split(",") if s})
    ids_list = IdsByStates(rows, lambda state: visible.filter(filter_q(_with_state(params, state))), states, ORDER) \
        if len(states) > 1 and error is None \
        else rows.order_by(*ORDER).values_list("pk", flat=True)
    current = page_of(request, ids_list)
    ids = list(current.object_list)
    found = Execution.objects.only(*LISTED).in_bulk(ids)
    executions = [found[pk] for pk in ids if pk in found]
    for execution in executions:
        execution.may_write = can(request.user, WRITE, execution.namespace)
        execution.elapsed = execution.end_date - execution.start_date if execution.end_date and execution.start_date \
            else None
    return render(request, "executions/list.html", {
        "executions": executions, "page": current, "error": error, "states": STATES,
        "chosen_states": states,
        "filters": {name: params.get(name, "") for name in ("q", "namespace", "flowId", "startDate", "endDate")},
        "labels": labels_text(params), "any_writable": any(e.may_write for e in executions),
    })


def _with_state(params, state: str):
    one = params.copy()
    one.setlist("state", [state])
    return one
