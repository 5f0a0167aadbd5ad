"""One round of the scheduler: a bounded amount of work, so a round never runs long
whatever piled up (a backlog is worked off round after round, oldest first)."""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from flows.models import Flow

from . import locks, polling, realtime, schedules

ENABLED_MARGIN = timedelta(seconds=60)


class Tick:
    """Keeps what a scheduler process learned between rounds: which flows it has
    seen, so triggers are re-read only after a flow changed."""

    def __init__(self):
        self.flows_seen = None
        self.started = False
        self.last_round = None
        self.listeners = realtime.Listeners()

    def run(self) -> list[str]:
        """Fire what is due now; the ids of the executions started."""
        now = timezone.now()
        flows = Flow.objects.aggregate(Max("updated"), Count("pk"))
        changed = flows != self.flows_seen
        if changed:
            schedules.sync_states(now)
            polling.sync_states(now)
            realtime.sync_states()
            self.listeners.stop_all()  # restarted below with the flows as they are now
            self.flows_seen = flows
        if not self.started:
            schedules.recover_missed(now)
            self.started = True
        # Triggers enabled again since the last round (with a margin for a commit that
        # lands late), or every one when a flow changed.
        since = None if changed or self.last_round is None else self.last_round - ENABLED_MARGIN
        schedules.fill_next_dates(now, since)
        polling.fill_next_dates(now, since)
        self.last_round = now
        locks.release_ended()
        limit = settings.SCHEDULER_MAX_FIRES_PER_TICK
        started = [schedules.fire_due(pk, now) for pk in schedules.due_states(now, limit)]
        started += polling.poll_due(now, limit)
        self.listeners.round(now)
        return [execution_id for execution_id in started if execution_id]

    def stop(self) -> None:
        """Stop this process's realtime listeners and free their triggers."""
        self.listeners.stop_all()
