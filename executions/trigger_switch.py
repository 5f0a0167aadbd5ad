"""Switching a trigger of a flow on or off (Kestra's Toggle task): the `disabled` flag
of the trigger's TriggerState, which the scheduler reads before firing it."""
from __future__ import annotations

from django.utils import timezone

from executions.models import TriggerState
from flows.models import Flow
from plugins.api.context import FlowNotFound, TriggerNotFound


def set_trigger_enabled(namespace: str, flow_id: str, trigger_id: str, enabled: bool) -> None:
    """Enable or disable trigger `trigger_id` of the current revision of a flow.

    As Kestra's Toggle: the flow must exist, and the trigger must be one of its own;
    the state row is created when the scheduler has not written one yet."""
    flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
    if flow is None:
        raise FlowNotFound(f"Unable to find flow {namespace}.{flow_id}. Make sure the flow exists and the current "
                           f"execution is authorized to access it.")
    if trigger_id not in {trigger.get("id") for trigger in flow.spec().triggers}:
        raise TriggerNotFound(f"Unable to find trigger {trigger_id} for the flow {namespace}.{flow_id}")
    state, _ = TriggerState.objects.get_or_create(namespace=namespace, flow_id=flow_id, trigger_id=trigger_id)
    switch(state, enabled)


def switch(state: TriggerState, enabled: bool) -> None:
    """Disable a trigger, or enable it again: an enabled time-based trigger resumes at
    its next date from now (the scheduler computes it for an empty `next_date`), so the
    dates it was disabled for are not replayed."""
    if enabled and state.disabled:
        TriggerState.objects.filter(pk=state.pk, disabled=True).update(disabled=False, next_date=None,
                                                                          updated=timezone.now())
    elif not enabled:
        TriggerState.objects.filter(pk=state.pk).update(disabled=True, updated=timezone.now())
    state.refresh_from_db()
