"""Bulk kill, restart and delete from the list: each selected execution gets the action
through the services the API's bulk routes use, when the user may change it and its
state allows it; the page then says how many were done and which were refused, and why."""
from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from executions.models import Execution
from executions.operations import OperationRefused
from executions.services import actions
from kestraweb.access import READ, WRITE, can

from ..access import page
from ..paging import MAX_SIZE

# action: (what the page says was done, the service)
BULK = {
    "kill": ("Killed", actions.kill),
    "restart": ("Restarted", actions.restart),
    "delete": ("Deleted", actions.delete),
}


def _refusal(user, execution_id: str, namespaces: dict, act) -> str | None:
    """Why one execution was left as it is, or None once acted on."""
    namespace = namespaces.get(execution_id)
    if namespace is None or not can(user, READ, namespace):
        return "not found"
    if not can(user, WRITE, namespace):
        return f"your role in namespace {namespace} does not allow changes"
    try:
        act(execution_id)
    except OperationRefused as refused:
        return str(refused)
    return None


@page
@require_POST
def bulk_action(request):
    action = request.POST.get("action", "")
    if action not in BULK:
        return HttpResponseBadRequest(f"unknown action {action!r}: one of {', '.join(BULK)}")
    ids = list(dict.fromkeys(request.POST.getlist("ids")))[:MAX_SIZE]
    done_word, act = BULK[action]
    namespaces = dict(Execution.objects.filter(pk__in=ids).values_list("pk", "namespace"))
    refused = {}
    for execution_id in ids:
        reason = _refusal(request.user, execution_id, namespaces, act)
        if reason is not None:
            refused[execution_id] = reason
    done = len(ids) - len(refused)
    messages.success(request, f"{done_word} {done} execution{'s' if done != 1 else ''}.")
    if refused:
        messages.warning(request, f"Refused {len(refused)}: " + "; ".join(f"{k}: {v}" for k, v in refused.items()))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or not back.startswith("/ui"):
        back = "/ui/executions"
    return redirect(back)
