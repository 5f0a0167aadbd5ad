"""Firing the time-based triggers (Schedule, ScheduleOnDates) from their TriggerState.

- `sync_states`: every time-based trigger of an enabled flow has a state with its next
  date; a new trigger starts at its first date from now (or at its `backfill.start`).
- `recover_missed`: when a scheduler starts, dates missed while none ran are replayed
  as `recoverMissedSchedules` says (ALL, LAST, NONE).
- `fire_due`: the date due of one trigger, or its backfill's next past date, fired
  in one transaction with the state moved to the next date.
"""
from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError, transaction

from executions.models import TriggerState
from plugins.api import registry
from plugins.api.condition import ConditionError
from plugins.core.trigger.schedule_dates import Backfill, backfill_from_property, execution_inputs

from . import backfills
from .failed_evaluation import failed_execution
from .firing import CANNOT_START, StateChanged, claim, commit_state, start_execution
from .scheduled_flows import enabled_triggers, trigger_of
from .timetables import TIMETABLES, timetable_for

log = logging.getLogger(__name__)

TIME_BASED_TYPES = tuple(cls.type for cls in TIMETABLES)


def _type_of(spec: dict) -> str:
    return registry.resolve_trigger(str(spec.get("type"))).type


def sync_states(now: datetime) -> None:
    """Create the missing states, and follow a flow's new revision: its first date
    when the trigger had none, else the date after the last one (Kestra keeps the last
    date by trigger id, so a changed cron does not replay the past)."""
    states = {(s.namespace, s.flow_id, s.trigger_id): s for s in TriggerState.objects.all()}
    for found in enabled_triggers():
        timetable = timetable_for(found.spec, found.facts)
        if timetable is None:
            continue
        key = (found.flow.namespace, found.flow.flow_id, found.spec["id"])
        state = states.get(key)
        if state is None:
            _create(key, found, timetable, now)
        elif state.flow_revision != found.flow.revision or not state.trigger_type:
            next_date = timetable.date_after(state.last_date, now) if state.last_date else timetable.first_date(now)
            TriggerState.objects.filter(pk=state.pk, updated=state.updated).update(
                flow_revision=found.flow.revision, trigger_type=_type_of(found.spec),
                next_date=next_date if state.flow_revision != found.flow.revision or state.next_date is None
                else state.next_date)


def fill_next_dates(now: datetime, changed_since: datetime | None = None) -> None:
    """An enabled time-based trigger without a next date (enabled again, or its flow
    enabled again) resumes at its first date from now. Only the states changed since
    `changed_since` are looked at, when given: a round stays bounded."""
    states = TriggerState.objects.filter(trigger_type__in=TIME_BASED_TYPES, disabled=False, next_date__isnull=True)
    if changed_since is not None:
        states = states.filter(updated__gte=changed_since)
    for state in states:
        found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
        timetable = timetable_for(found.spec, found.facts) if found is not None else None
        first = timetable.first_date(now) if timetable is not None else None
        if first is not None:
            TriggerState.objects.filter(pk=state.pk, updated=state.updated).update(next_date=first, updated=now)


def _create(key, found, timetable, now: datetime) -> None:
    backfill = backfill_from_property(found.spec, now)
    try:
        with transaction.atomic():
            TriggerState.objects.create(
                namespace=key[0], flow_id=key[1], trigger_id=key[2], trigger_type=_type_of(found.spec),
                flow_revision=found.flow.revision, next_date=timetable.first_date(now),
                backfill=backfills.as_record(timetable, backfill) if backfill is not None else None)
    except IntegrityError:
        pass  # another scheduler created it first


def recover_missed(now: datetime) -> None:
    """Move each trigger whose next date passed while no scheduler ran to where its
    `recoverMissedSchedules` resumes (Kestra's scheduler does it as it starts)."""
    for state in TriggerState.objects.filter(trigger_type__in=TIME_BASED_TYPES, next_date__lt=now, disabled=False):
        found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
        timetable = timetable_for(found.spec, found.facts) if found is not None else None
        if timetable is None:
            continue
        resumed = timetable.recovered(state.next_date, now)
        if resumed != state.next_date:
            TriggerState.objects.filter(pk=state.pk, updated=state.updated).update(next_date=resumed, updated=now)


def due_states(now: datetime, limit: int):
    """Free, enabled time-based states with a date due or a backfill under way, the
    most overdue first."""
    from django.db.models import Q

    return list(TriggerState.objects.filter(trigger_type__in=TIME_BASED_TYPES, disabled=False,
                                            execution_id__isnull=True)
                .filter(Q(next_date__lte=now) | Q(backfill__isnull=False))
                .order_by("next_date").values_list("pk", flat=True)[:limit])


def fire_due(state_pk: int, now: datetime) -> str | None:
    """Fire what is due of one trigger; the id of the execution it started, if any.
    Another scheduler firing it at the same moment makes this one a no-op."""
    try:
        with transaction.atomic():
            state = claim(state_pk)
            if state is None or state.disabled or state.execution_id:
                return None
            found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
            timetable = timetable_for(found.spec, found.facts) if found is not None else None
            if timetable is None:  # its flow or the trigger itself was disabled or deleted
                commit_state(state, next_date=None)
                return None
            if state.backfill and not state.backfill.get("paused"):
                return _fire_backfill(state, found, timetable, now)
            if state.next_date is None or state.next_date > now:
                return None
            return _fire_date(state, found, timetable, now)
    except StateChanged:
        return None


def _fire_date(state, found, timetable, now: datetime) -> str | None:
    due = state.next_date
    next_date = timetable.date_after(due, now)
    try:
        variables = timetable.variables(due, now)
    except ConditionError as exc:
        return _failed(state, found, None, exc, dict(next_date=next_date))
    if variables is None:  # refused by its conditions: the next date
        commit_state(state, next_date=next_date)
        return None
    return _start(state, found, variables, execution_inputs(found.spec, None, lambda value: value), [],
                  dict(last_date=due, next_date=next_date))


def _fire_backfill(state, found, timetable, now: datetime) -> str | None:
    """The backfill's next past date; the backfill ends after its `end` (or now)."""
    backfill = backfills.from_record(state.backfill)
    if backfill.current > backfill.end or backfill.current > now:
        commit_state(state, backfill=None)
        return None
    after = timetable.cron_date_after(backfill.current)
    rest = backfills.advanced(state.backfill, after) if after is not None and after <= backfill.end else None
    try:
        variables = timetable.variables(backfill.current, now, backfill)
    except ConditionError as exc:
        return _failed(state, found, None, exc, dict(backfill=rest))
    if variables is None:
        commit_state(state, backfill=rest)
        return None
    return _start(state, found, variables, execution_inputs(found.spec, backfill, lambda value: value),
                  backfill.labels, dict(backfill=rest))


def _start(state, found, variables: dict, inputs: dict, labels: list, changes: dict) -> str | None:
    """The execution and the state's changes, together; inputs the flow refuses or an
    expression that cannot be rendered give a FAILED execution instead."""
    try:
        with transaction.atomic():
            execution = start_execution(found.flow, found.flow_labels, found.spec, variables, inputs, labels)
    except CANNOT_START as exc:
        return _failed(state, found, variables, exc, changes)
    commit_state(state, **changes, last_execution_id=execution.id, execution_id=execution.id)
    return execution.id


def _failed(state, found, variables: dict | None, error: Exception, changes: dict) -> str:
    """The evaluation failed: a FAILED execution records why, and the trigger moves on
    (not locked: that execution has ended)."""
    log.warning("trigger %s: evaluation failed for %s: %s", state, variables, error)
    execution = failed_execution(found.flow, found.flow_labels, found.spec, variables, error)
    commit_state(state, **changes, last_execution_id=execution.id)
    return execution.id


__all__ = ["Backfill", "due_states", "fill_next_dates", "fire_due", "recover_missed", "sync_states"]
