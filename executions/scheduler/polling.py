"""Polling triggers (Kestra's PollingTriggerInterface), run generically through
plugins.api.trigger_events: a trigger type flagged `polling` is polled every `interval()`
with a SchedulerTriggerContext; an event it returns (its `variables` are the
execution's `trigger.*`) starts one execution, created with the id the context picked
before the poll, and the event is acknowledged with `ack()` only once that
execution's row is committed, so a message is never acknowledged for an execution that
does not exist. When the execution cannot be created the event is `release()`d.

An evaluation that fails (TriggerFailed, an expression that cannot be rendered) is
logged with its message and the trigger is polled again after its interval, retryable
or not: Kestra's worker logs a failed trigger evaluation and the scheduler evaluates
the trigger again at its next date; it never disables it.

A trigger is polled by one scheduler at a time: `evaluating_since` is claimed with a
conditional update (Kestra's evaluateRunningDate) and counts as free again after
SCHEDULER_EVALUATION_LEASE seconds, should that scheduler have died mid-poll."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from executions.models import TriggerState
from expressions import ExpressionError
from plugins.api import registry
from plugins.api.trigger_events import TriggerFailed

from .firing import CANNOT_START, flow_variables, start_execution
from .scheduled_flows import create_missing_states, trigger_of
from .trigger_context import SchedulerTriggerContext

log = logging.getLogger(__name__)

# What an evaluation may fail with, the trigger's fault and not the scheduler's.
EVALUATION_FAILED = (TriggerFailed, ExpressionError)


def polling_type(spec: dict):
    found = registry.resolve_trigger(str(spec.get("type")))
    return found if found is not None and found.polling else None


def polling_type_names() -> list[str]:
    return [cls.type for cls in registry.all_types("trigger").values() if cls.polling]


def sync_states(now: datetime) -> None:
    """Every polling trigger of an enabled flow has a state, first polled now."""
    create_missing_states(polling_type, next_date=now)

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
    done = {"evaluating_since": None, "next_date": now + trigger.interval()}
    context = SchedulerTriggerContext(state.namespace, state.flow_id, state.trigger_id, flow_variables(found.flow))
    try:
        return _evaluate(state, found, trigger, context, now, done)
    finally:
        context.close()


def _evaluate(state, found, trigger, context: SchedulerTriggerContext, now: datetime, done: dict) -> str | None:
    try:
        event = trigger.poll(context)
    except EVALUATION_FAILED as exc:
        context.logger.error(f"polling failed: {exc}")
        context.discard_files()
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    except Exception:  # a plugin's bug must not stop the other triggers: logged in full, polled again
        log.exception("trigger %s: polling failed", state)
        context.discard_files()
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    if event is None:
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    try:
        with transaction.atomic():
            execution = start_execution(found.flow, found.flow_labels, found.spec, event.variables,
                                        trigger.get("inputs"), execution_id=context.execution_id)
            TriggerState.objects.filter(pk=state.pk).update(**done, last_date=now, last_execution_id=execution.id,
                                                             execution_id=execution.id)
    except CANNOT_START as exc:
        context.logger.warn(f"no execution for the event: {exc}")
        _give_back(event, context)
        TriggerState.objects.filter(pk=state.pk).update(**done)
        return None
    except BaseException:  # the database failed: the messages go back, the error goes on
        _give_back(event, context)
        raise
    event.ack()
    return execution.id


def _give_back(event, context: SchedulerTriggerContext) -> None:
    event.release()
    context.discard_files()
