"""What Kestra's Triggers API does to a trigger's state (TriggerController): unlock,
restart, disable or enable, delete, and set, pause, resume or drop a backfill.

Each action takes the TriggerState row and raises TriggerActionRefused (with the reason)
when the trigger is not in a state it applies to; bulk callers skip those, as Kestra's
bulk actions skip what they cannot do."""
from __future__ import annotations

from datetime import datetime

from executions.models import TriggerState
from executions.scheduler.backfills import BackfillInvalid, set_backfill
from executions.scheduler.locks import unlock as release_lock
from executions.trigger_switch import switch
from flows.models import Flow
from flows.spec import FlowInvalid
from plugins.api.registry import resolve_trigger

__all__ = ["BackfillInvalid", "TriggerActionRefused", "create_backfill", "definition", "definitions", "delete",
           "delete_backfill", "is_realtime", "restart", "set_backfill_paused", "set_disabled", "unlock"]


class TriggerActionRefused(Exception):
    """The action does not apply to this trigger now (not locked, no backfill...)."""


def definition(state: TriggerState) -> dict | None:
    """The trigger's declaration in the current revision of its flow; None when the flow
    or the trigger is gone or the flow no longer parses."""
    flow = Flow.objects.filter(namespace=state.namespace, flow_id=state.flow_id, deleted=False).first()
    return definitions([flow]).get((state.namespace, state.flow_id, state.trigger_id)) if flow else None


def definitions(flows) -> dict[tuple[str, str, str], dict]:
    """(namespace, flow id, trigger id) -> the trigger's declaration, for these flows."""
    found = {}
    for flow in flows:
        try:
            triggers = flow.spec().triggers
        except FlowInvalid:
            continue
        for trigger in triggers:
            found[(flow.namespace, flow.flow_id, trigger.get("id"))] = trigger
    return found


def is_realtime(spec: dict | None) -> bool:
    cls = resolve_trigger(spec.get("type", "")) if spec else None
    return bool(getattr(cls, "realtime", False))


def unlock(state: TriggerState) -> TriggerState:
    """Kestra's unlock: only a locked trigger (its execution runs, or an evaluation holds it)."""
    if not state.execution_id and not state.evaluating_since:
        raise TriggerActionRefused(f"Trigger {state} is not locked")
    release_lock(state)
    return state


def restart(state: TriggerState) -> TriggerState:
    """Kestra's restart: the evaluation in progress is forgotten, so a scheduler takes
    the trigger again (a realtime listener loses its claim and another starts)."""
    state.evaluating_since = None
    state.save(update_fields=["evaluating_since", "updated"])
    return state


def set_disabled(state: TriggerState, disabled: bool) -> TriggerState:
    """Disable or enable; a realtime trigger is switched from its flow only, as in Kestra."""
    if is_realtime(definition(state)):
        raise TriggerActionRefused(f"Trigger {state} is a realtime trigger: disable it in its flow")
    switch(state, not disabled)
    return state


def delete(state: TriggerState) -> None:
    """Forget the state; the scheduler starts the trigger afresh if its flow still has it."""
    state.delete()


def create_backfill(state: TriggerState, start: datetime, end: datetime | None, inputs: dict, labels: list):
    """A Schedule's backfill from `start` to `end` (now when None); BackfillInvalid
    names what is wrong with the request."""
    set_backfill(state, start, end, inputs, labels)
    return state


def set_backfill_paused(state: TriggerState, paused: bool) -> TriggerState:
    if not state.backfill:
        raise TriggerActionRefused(f"Trigger {state} has no backfill")
    state.backfill = {**state.backfill, "paused": paused}
    state.save(update_fields=["backfill", "updated"])
    return state


def delete_backfill(state: TriggerState) -> TriggerState:
    if not state.backfill:
        raise TriggerActionRefused(f"Trigger {state} has no backfill")
    state.backfill = None
    state.save(update_fields=["backfill", "updated"])
    return state
