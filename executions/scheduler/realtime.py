"""Realtime triggers (Kestra's RealtimeTriggerInterface), run generically: a trigger type
with a `listen(ctx)` method yields events for as long as it runs; each event starts one
execution (they may overlap, as in Kestra) and is acknowledged with `ack()` only once
that execution's row is committed.

Each listener runs in a thread of one scheduler process. It holds its trigger through
`evaluating_since`, renewed every round: a scheduler that died lets another take the
trigger over after SCHEDULER_EVALUATION_LEASE seconds, and a listener whose renewal
fails (taken over, trigger disabled, flow changed) is told to stop through
`ctx.stopped`, which a listener checks between messages."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import Q

from executions.models import TriggerState
from plugins import registry

from .firing import CANNOT_START, flow_variables, start_execution
from .polling import PollContext
from .scheduled_flows import enabled_triggers, trigger_of

log = logging.getLogger(__name__)


def realtime_type(spec: dict):
    found = registry.resolve_trigger(str(spec.get("type")))
    return found if found is not None and callable(getattr(found, "listen", None)) else None


@dataclass
class ListenContext(PollContext):
    """A PollContext, plus the event a listener checks to know it must stop."""
    stopped: threading.Event = field(default_factory=threading.Event)


@dataclass
class Listener:
    state_pk: int
    held_since: datetime
    context: ListenContext
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
                listener.context.stopped.set()
                del self.running[pk]
        lease_ended = now - timedelta(seconds=settings.SCHEDULER_EVALUATION_LEASE)
        free = (TriggerState.objects.filter(trigger_type__in=_type_names(), disabled=False)
                .filter(Q(evaluating_since__isnull=True) | Q(evaluating_since__lt=lease_ended))
                .exclude(pk__in=list(self.running)))
        for state in free:
            self._start(state, now)

    def stop_all(self) -> None:
        for listener in self.running.values():
            listener.context.stopped.set()
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
        context = ListenContext(state.namespace, state.flow_id, found.flow.revision, state.trigger_id,
                                flow_variables(found.flow))
        listener = Listener(state.pk, now, context)
        listener.thread = threading.Thread(target=_listen, args=(found, kind(found.spec), listener), daemon=True,
                                           name=f"listener {state}")
        self.running[state.pk] = listener
        listener.thread.start()


def sync_states() -> None:
    """Every realtime trigger of an enabled flow has a state."""
    known = set(TriggerState.objects.values_list("namespace", "flow_id", "trigger_id"))
    for found in enabled_triggers():
        kind = realtime_type(found.spec)
        key = (found.flow.namespace, found.flow.flow_id, found.spec["id"])
        if kind is None or key in known:
            continue
        try:
            with transaction.atomic():
                TriggerState.objects.create(namespace=key[0], flow_id=key[1], trigger_id=key[2],
                                            trigger_type=kind.type, flow_revision=found.flow.revision)
        except IntegrityError:
            pass  # another scheduler created it first


def _type_names() -> list[str]:
    return [cls.type for cls in registry.all_types("trigger").values() if callable(getattr(cls, "listen", None))]


def _listen(found, trigger, listener: Listener) -> None:
    """A listener's thread: one execution per event, acknowledged once committed."""
    try:
        for event in trigger.listen(listener.context):
            if listener.context.stopped.is_set():
                break  # not acknowledged: the next listener gets it again
            try:
                with transaction.atomic():
                    execution = start_execution(found.flow, found.flow_labels, found.spec, event.variables,
                                                trigger.get("inputs"))
                    TriggerState.objects.filter(pk=listener.state_pk).update(last_execution_id=execution.id,
                                                                             last_date=execution.created)
            except CANNOT_START as exc:
                log.warning("trigger %s: no execution for the event: %s", found.spec["id"], exc)
                continue
            event.ack()
    except Exception:  # a plugin's failure ends its listener only: logged, restarted after the lease
        log.exception("trigger %s of %s: listening failed", found.spec["id"], found.flow)
    finally:
        close_old_connections()
        connection.close()
