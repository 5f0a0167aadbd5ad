"""Polling triggers (Kestra's PollingTriggerInterface), run generically: a trigger type
with a `poll(ctx)` method is polled every `interval`; an event it returns (with its
`variables`, the execution's `trigger.*`) starts one execution, and the event is
acknowledged with `ack()` only once that execution's row is committed, so a message
is never acknowledged for an execution that does not exist.

A trigger is polled by one scheduler at a time: `evaluating_since` is claimed with a
conditional update (Kestra's evaluateRunningDate) and counts as free again after
SCHEDULER_EVALUATION_LEASE seconds, should that scheduler have died mid-poll."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q

import expressions
from executions.models import TriggerState
from plugins import registry
from plugins.durations import parse_duration

from .firing import CANNOT_START, flow_variables, start_execution
from .scheduled_flows import enabled_triggers, trigger_of

log = logging.getLogger(__name__)

# Kestra's PollingTriggerInterface#getInterval default.
DEFAULT_INTERVAL = timedelta(seconds=60)


def polling_type(spec: dict):
    found = registry.resolve_trigger(str(spec.get("type")))
    return found if found is not None and callable(getattr(found, "poll", None)) else None


def polling_type_names() -> list[str]:
    return [cls.type for cls in registry.all_types("trigger").values() if callable(getattr(cls, "poll", None))]


@dataclass
class PollContext:
    """What a polling trigger is given: who it is, and how to render its properties
    (with the flow's variables, as Kestra's trigger RunContext)."""
    namespace: str
    flow_id: str
    flow_revision: int
    trigger_id: str
    variables: dict = field(default_factory=dict)
    logger: logging.Logger = log

    def render(self, value):
        return expressions.render_value(value, self.variables)


def interval_of(trigger) -> timedelta:
    value = trigger.get("interval")
    return parse_duration(value) if value is not None else DEFAULT_INTERVAL


def sync_states(now: datetime) -> None:
    """Every polling trigger of an enabled flow has a state, first polled now."""
    known = set(TriggerState.objects.values_list("namespace", "flow_id", "trigger_id"))
    for found in enabled_triggers():
        kind = polling_type(found.spec)
        key = (found.flow.namespace, found.flow.flow_id, found.spec["id"])
        if kind is None or key in known:
            continue
        try:
            with transaction.atomic():
                TriggerState.objects.create(namespace=key[0], flow_id=key[1], trigger_id=key[2], trigger_type=kind.type,
                                            flow_revision=found.flow.revision, next_date=now)
        except IntegrityError:
            pass  # another scheduler created it first


def fill_next_dates(now: datetime, changed_since: datetime | None = None) -> None:
    """A polling trigger enabled again is polled now."""
    states = TriggerState.objects.filter(trigger_type__in=polling_type_names(), disabled=False,
                                         next_date__isnull=True)
    if changed_since is not None:
        states = states.filter(updated__gte=changed_since)
    states.update(next_date=now)


def poll_due(now: datetime, limit: int) -> list[str]:
    """Poll each free polling trigger whose interval elapsed; the executions started."""
    lease_ended = now - timedelta(seconds=settings.SCHEDULER_EVALUATION_LEASE)
    due = (TriggerState.objects.filter(trigger_type__in=polling_type_names(), disabled=False,
                                       execution_id__isnull=True, next_date__lte=now)
           .filter(Q(evaluating_since__isnull=True) | Q(evaluating_since__lt=lease_ended))
           .order_by("next_date")[:limit])
    return [execution_id for state in due if (execution_id := _poll(state, now))]


def _poll(state: TriggerState, now: datetime) -> str | None:
    if TriggerState.objects.filter(pk=state.pk, updated=state.updated).update(evaluating_since=now, updated=now) != 1:
        return None  # another scheduler polls it
    found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
    kind = polling_type(found.spec) if found is not None else None
    if kind is None:  # its flow or the trigger itself was disabled or deleted: polled again once enabled
        TriggerState.objects.filter(pk=state.pk).update(evaluating_since=None, next_date=None)
        return None
    trigger = kind(found.spec)
    done = {"evaluating_since": None, "next_date": now + interval_of(trigger)}
    context = PollContext(state.namespace, state.flow_id, found.flow.revision, state.trigger_id,
                          flow_variables(found.flow))
    try:
        event = trigger.poll(context)
    except Exception:  # a plugin's failure must not stop the scheduler: logged, polled again next interval
        log.exception("trigger %s: polling failed", state)
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    if event is None:
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    try:
        with transaction.atomic():
            execution = start_execution(found.flow, found.flow_labels, found.spec, event.variables,
                                        trigger.get("inputs"))
            TriggerState.objects.filter(pk=state.pk).update(**done, last_date=now, last_execution_id=execution.id,
                                                             execution_id=execution.id)
    except CANNOT_START as exc:
        log.warning("trigger %s: no execution for the event: %s", state, exc)
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    event.ack()
    return execution.id
