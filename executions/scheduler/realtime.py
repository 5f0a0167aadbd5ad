"""Realtime triggers (Kestra's RealtimeTriggerInterface), run generically through
plugins.api.trigger_events: a trigger type flagged `realtime` yields events from
`listen(ctx, stop_event)` for as long as it runs; each event starts one execution
(they may overlap, as in Kestra), created with the context's `execution_id` (a new
one for each event), and is acknowledged with `ack()` only once that execution's row
is committed, or `release()`d when it cannot be created.

Each listener runs in a thread of one scheduler process. It holds its trigger through
`evaluating_since`, renewed every round: a scheduler that died lets another take the
trigger over after SCHEDULER_EVALUATION_LEASE seconds, and a listener whose renewal
fails (taken over, trigger disabled, flow changed) is told to stop through its
`stop_event`, which a listener checks between messages.

A listener that fails (TriggerFailed, retryable or not) logs its message and ends; its
trigger is listened to again once the lease ran out, as Kestra's worker logs a failed
realtime evaluation and the trigger is started again later, never disabled."""
from __future__ import annotations

import logging
import threading
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import Q

from executions.models import TriggerState
from plugins.api import registry

from .firing import CANNOT_START, flow_variables, start_execution
from .polling import EVALUATION_FAILED
from .scheduled_flows import create_missing_states, trigger_of
from .trigger_context import SchedulerTriggerContext

log = logging.getLogger(__name__)


def realtime_type(spec: dict):
    found = registry.resolve_trigger(str(spec.get("type")))
    return found if found is not None and found.realtime else None


@dataclass
class Listener:
    state_pk: int
    held_since: datetime
    context: SchedulerTriggerContext
    stopped: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None

    @property
    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()


class Listeners:
    """The realtime listeners this scheduler process runs, by state id."""

    def __init__(self):
        self.running: dict[int, Listener] = {}

    def round(self, now: datetime) -> None:
        """Renew what this process holds, stop what it lost, start what is free."""
        for pk, listener in list(self.running.items()):
            still_held = listener.alive and TriggerState.objects.filter(
                pk=pk, evaluating_since=listener.held_since, disabled=False).update(evaluating_since=now) == 1
            if still_held:
                listener.held_since = now
            else:
                listener.stopped.set()
                del self.running[pk]
        lease_ended = now - timedelta(seconds=settings.SCHEDULER_EVALUATION_LEASE)
        free = (TriggerState.objects.filter(trigger_type__in=_type_names(), disabled=False)
                .filter(Q(evaluating_since__isnull=True) | Q(evaluating_since__lt=lease_ended))
                .exclude(pk__in=list(self.running)))
        for state in free:
            self._start(state, now)

    def stop_all(self) -> None:
        for listener in self.running.values():
            listener.stopped.set()
        for listener in self.running.values():
            if listener.thread is not None:
                listener.thread.join(timeout=5)
        TriggerState.objects.filter(pk__in=list(self.running)).update(evaluating_since=None)
        self.running.clear()

    def _start(self, state: TriggerState, now: datetime) -> None:
        found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
        kind = realtime_type(found.spec) if found is not None else None
        if kind is None:
            return
        claimed = TriggerState.objects.filter(pk=state.pk, evaluating_since=state.evaluating_since).update(
            evaluating_since=now)
        if claimed != 1:
            return  # another scheduler took it first
        context = SchedulerTriggerContext(state.namespace, state.flow_id, state.trigger_id,
                                          flow_variables(found.flow))
        listener = Listener(state.pk, now, context)
        listener.thread = threading.Thread(target=_listen, args=(found, kind(found.spec), listener), daemon=True,
                                           name=f"listener {state}")
        self.running[state.pk] = listener
        listener.thread.start()


def sync_states() -> None:
    """Every realtime trigger of an enabled flow has a state."""
    create_missing_states(realtime_type)

def _type_names() -> list[str]:
    return [cls.type for cls in registry.all_types("trigger").values() if cls.realtime]


def _listen(found, trigger, listener: Listener) -> None:
    """A listener's thread: one execution per event, acknowledged once committed."""
    context = listener.context
    try:
        with closing(trigger.listen(context, listener.stopped)) as events:
            for event in events:
                if listener.stopped.is_set():
                    event.release()  # the next listener gets it again
                    break
                if not _start(found, trigger, listener, event):
                    break
    except EVALUATION_FAILED as exc:
        context.logger.error(f"listening failed: {exc}")
    except Exception:  # a plugin's bug ends its listener only: logged in full, restarted after the lease
        log.exception("trigger %s of %s: listening failed", found.spec["id"], found.flow)
    finally:
        context.close()
        close_old_connections()
        connection.close()


def _start(found, trigger, listener: Listener, event) -> bool:
    """Whether the event's execution was created. When it cannot be (inputs the flow
    refuses...), the message goes back and the listener ends, so the same message is
    not tried again at once: it is, once the lease ran out or the flow changed."""
    context = listener.context
    try:
        with transaction.atomic():
            execution = start_execution(found.flow, found.flow_labels, found.spec, event.variables,
                                        trigger.get("inputs"), execution_id=context.execution_id)
            TriggerState.objects.filter(pk=listener.state_pk).update(last_execution_id=execution.id,
                                                                     last_date=execution.created)
    except CANNOT_START as exc:
        context.logger.warn(f"no execution for the event, listening stops: {exc}")
        event.release()
        context.discard_files()
        return False
    except BaseException:  # the database failed: the message goes back, the error ends the listener
        event.release()
        context.discard_files()
        raise
    event.ack()
    context.next_execution()
    return True
