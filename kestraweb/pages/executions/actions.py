"""One execution's actions (writers only: 403 otherwise), as forms POSTed with CSRF:
kill, pause, resume (with the paused task's onResume inputs), restart, replay (from a
taskrun), a taskrun's state, labels, delete. Each goes through executions.services.actions
as the API's; a refusal (the state does not allow it, an input that does not fit) is
said on the page, which never answers a 500 for it."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from executions.operations import OperationRefused, UnknownRevision
from executions.services import actions
from executions.states import State
from flows.spec import InputInvalid

from ..access import page
from .lookup import base_url, execution_at


class BadForm(Exception):
    """A form value that cannot be used; the message names the field."""


def _form_inputs(request) -> tuple[dict, dict]:
    """(text values, uploads) of a resume form, as the API's multipart body gives them."""
    values = {key: items if len(items) > 1 else items[0] for key, items in request.POST.lists()
              if key not in ("csrfmiddlewaretoken", "tab")}
    return values, dict(request.FILES.items())


def parse_labels(text: str) -> list[dict]:
    """`key:value`, one a line; a line without a key or a colon is refused naming it."""
    labels = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise BadForm(f"labels, line {number}: {line.strip()!r} is not key:value")
        labels.append({"key": key.strip(), "value": value.strip()})
    return labels


def _taskrun_state(request, execution_id):
    state = request.POST.get("state", "")
    if state not in [s.value for s in State]:
        raise BadForm(f"state: {state!r} is not a state")
    return actions.change_taskrun_state(execution_id, request.POST.get("taskrun", ""), state)


def _delete(request, execution_id):
    actions.delete(execution_id)


ACTIONS = {  # name: (what the page says once done, the call)
    "kill": ("Killing the execution.", lambda request, execution_id: actions.kill(execution_id)),
    "pause": ("Execution paused.", lambda request, execution_id: actions.pause(execution_id)),
    "resume": ("Execution resumed.", lambda request, execution_id: actions.resume(execution_id,
                                                                                   *_form_inputs(request))),
    "restart": ("Execution restarted.", lambda request, execution_id: actions.restart(execution_id)),
    "replay": ("Replayed as a new execution.", lambda request, execution_id: actions.replay(
        execution_id, request.POST.get("taskrun") or None)),
    "taskrun-state": ("Taskrun state changed.", _taskrun_state),
    "labels": ("Labels set.", lambda request, execution_id: actions.set_labels(
        execution_id, parse_labels(request.POST.get("labels", "")))),
    "delete": ("Execution deleted.", _delete),
}


@page
@require_POST
def execution_action(request, namespace: str, flow_id: str, execution_id: str, action: str):
    if action not in ACTIONS:
        raise Http404(f"no action {action}")
    execution = execution_at(request, namespace, flow_id, execution_id, write=True)
    done, call = ACTIONS[action]
    back = request.POST.get("tab") if request.POST.get("tab") in ("gantt", "overview", "logs", "outputs") else "gantt"
    try:
        result = call(request, execution.id)
    except (OperationRefused, UnknownRevision, InputInvalid, BadForm) as refused:
        messages.error(request, f"{action}: {refused}")
        return redirect(f"{base_url(execution)}/{back}")
    messages.success(request, done)
    if action == "delete":
        return redirect("/ui/executions")
    if action == "replay" and result is not None:
        return redirect(f"{base_url(result)}/gantt")
    return redirect(f"{base_url(execution)}/{back}")
