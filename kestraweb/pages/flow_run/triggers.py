"""A flow's Triggers tab (Kestra's flow Triggers tab): each trigger with its type, its
next and last dates, whether it is disabled or locked; writers disable and enable it,
unlock it, and backfill a Schedule (start, end, inputs, labels; pause, resume or drop
the backfill under way). The actions are executions.trigger_actions, what the API's
triggers routes and the admin call."""
from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from executions import trigger_actions as actions
from executions.backfill_form import BackfillForm
from executions.models import TriggerState
from flows.spec import FlowInvalid

from ..access import may_write, page
from ..objects import flow_at
from .trigger_rows import trigger_rows

TEMPLATE = "flow_run/triggers.html"
PICKER = {"type": "datetime-local", "step": "1"}


class PageBackfillForm(BackfillForm):
    """The backfill form with the browser's date-and-time pickers (read in the server's
    time zone) and JSON boxes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].widget = forms.DateTimeInput(attrs=PICKER)
        self.fields["start"].help_text = "The first date to replay (in the server's time zone)."
        self.fields["end"].widget = forms.DateTimeInput(attrs=PICKER)
        for name in ("inputs", "labels"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 2})
            self.fields[name].initial = {}  # an empty map, not JSON's `null`


def _declared(flow) -> tuple[list[dict], str | None]:
    """(the flow's triggers, None), or ([], why they cannot be read)."""
    try:
        return flow.spec().triggers, None
    except FlowInvalid as exc:
        return [], f"The flow is not valid, its triggers cannot be read: {exc}"


def _triggers(flow) -> list[dict]:
    return _declared(flow)[0]


def _page(request, flow, backfill: tuple[str, BackfillForm] | None = None):
    declared, problem = _declared(flow)
    rows = trigger_rows(flow, declared)
    forms_by_trigger = {row.trigger_id: PageBackfillForm(auto_id=f"id_{row.trigger_id}_%s")
                        for row in rows if row.backfillable}
    if backfill is not None:
        forms_by_trigger[backfill[0]] = backfill[1]
    return render(request, TEMPLATE, {
        "flow": flow, "tab": "triggers", "problem": problem, "can_write": may_write(request.user, flow.namespace),
        "rows": [(row, forms_by_trigger.get(row.trigger_id)) for row in rows],
        "open_backfill": backfill[0] if backfill else None})


@page
def triggers(request, namespace: str, flow_id: str):
    return _page(request, flow_at(request.user, namespace, flow_id))


def _state(flow, trigger_id: str, create: bool) -> TriggerState | None:
    """The trigger's state; a trigger the flow does not declare is a 404."""
    if trigger_id not in {str(spec.get("id")) for spec in _triggers(flow)}:
        raise Http404(f"no trigger {trigger_id} in {flow.namespace}.{flow.flow_id}")
    if create:
        state, _ = TriggerState.objects.get_or_create(namespace=flow.namespace, flow_id=flow.flow_id,
                                                      trigger_id=trigger_id)
        return state
    return TriggerState.objects.filter(namespace=flow.namespace, flow_id=flow.flow_id, trigger_id=trigger_id).first()


# Each action: (what it does to the state, whether it creates a missing state, what it says once done).
ACTIONS = {
    "disable": (lambda state: actions.set_disabled(state, True), True, "disabled"),
    "enable": (lambda state: actions.set_disabled(state, False), True, "enabled"),
    "unlock": (actions.unlock, False, "unlocked"),
    "pause-backfill": (lambda state: actions.set_backfill_paused(state, True), False, "backfill paused"),
    "resume-backfill": (lambda state: actions.set_backfill_paused(state, False), False, "backfill resumed"),
    "delete-backfill": (actions.delete_backfill, False, "backfill deleted"),
}


@page
@require_POST
def trigger_action(request, namespace: str, flow_id: str, trigger_id: str, action: str):
    flow = flow_at(request.user, namespace, flow_id, write=True)
    if action not in ACTIONS:
        raise Http404(f"no trigger action {action}")
    call, create, done = ACTIONS[action]
    state = _state(flow, trigger_id, create)
    try:
        if state is None:
            raise actions.TriggerActionRefused(f"Trigger {trigger_id} has not been scheduled yet")
        call(state)
    except actions.TriggerActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Trigger {trigger_id}: {done}.")
    return redirect(f"/ui/flows/edit/{namespace}/{flow_id}/triggers")


@page
@require_POST
def backfill(request, namespace: str, flow_id: str, trigger_id: str):
    flow = flow_at(request.user, namespace, flow_id, write=True)
    state = _state(flow, trigger_id, create=True)
    form = PageBackfillForm(request.POST, auto_id=f"id_{trigger_id}_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.create_backfill(state, data["start"], data["end"], data["inputs"], data["labels"])
        except actions.BackfillInvalid as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Trigger {trigger_id}: backfill set, its dates since {data['start']} "
                                      f"are replayed.")
            return redirect(f"/ui/flows/edit/{namespace}/{flow_id}/triggers")
    return _page(request, flow, (trigger_id, form))
