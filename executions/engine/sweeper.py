"""The sweeper: what no step's end announces is found in the database and advanced.

- due waits: an execution's scheduleDate (created CREATED for later), a RETRYING
  task's interval, a Pause's `delay`/`timeout`, a LoopUntil's
  `checkFrequency`, a WaitFor's, a CREATE_NEW_EXECUTION retry's (`wait_until` passed);
- orphans: RUNNING taskruns whose worker died (workers_alive.is_orphan); the executor
  runs them again a bounded number of times;
- QUEUED executions, whose slot may have freed;
- executions another process changed (a kill, a resume, a restart, a replay or a new
  execution whose submit was lost): every unfinished execution `updated` since the
  previous sweep, and on the first sweep every unfinished one, so a restarted cluster
  carries on whatever the stopped one left.

It runs every settings.SWEEP_EVERY seconds inside `manage.py runcluster`; django-q2's
own schedules cannot: their finest period is a minute and its scheduler looks at them
every 30 s. Two sweepers may ask for the same `advance`: an advance under way takes the
execution's version lock, and one with nothing to do changes nothing."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.states import TERMINAL, State

from .workers_alive import is_orphan

TERMINAL_VALUES = [state.value for state in TERMINAL]


def due_waits(now: datetime) -> set[str]:
    return set(TaskRun.objects.filter(wait_until__lte=now)
               .filter(~Q(state__in=TERMINAL_VALUES) | Q(state=State.RETRIED.value))
               .values_list("execution_id", flat=True))


def due_scheduled(now: datetime) -> set[str]:
    """CREATED executions whose scheduleDate passed: nothing else announces that date."""
    return set(Execution.objects.filter(state=State.CREATED.value, schedule_date__lte=now)
               .values_list("id", flat=True))


def orphaned(now: datetime) -> set[str]:
    """A live worker renews its heartbeats every WORKER_HEARTBEAT_EVERY seconds: only the
    taskruns that missed more than one are looked at closer."""
    quiet_since = now - timedelta(seconds=1.5 * settings.WORKER_HEARTBEAT_EVERY)
    candidates = (TaskRun.objects.filter(state=State.RUNNING.value).exclude(worker="")
                  .filter(Q(heartbeat__isnull=True) | Q(heartbeat__lt=quiet_since))
                  .exclude(execution__state__in=TERMINAL_VALUES)
                  .only("id", "execution_id", "worker", "heartbeat"))
    return {tr.execution_id for tr in candidates if is_orphan(tr)}


def waiting_or_changed(since: datetime | None) -> set[str]:
    unfinished = Execution.objects.exclude(state__in=TERMINAL_VALUES)
    if since is not None:
        unfinished = unfinished.filter(Q(updated__gte=since) | Q(state=State.QUEUED.value))
    return set(unfinished.values_list("id", flat=True))


class Sweeper:
    def __init__(self, queue):
        self.queue = queue
        self.since: datetime | None = None  # None: the first sweep takes every unfinished execution

    def sweep(self) -> set[str]:
        """Ask for an advance of every execution found; their ids."""
        now = timezone.now()
        # A little overlap: a change committed while the previous sweep ran is not missed.
        found = due_waits(now) | due_scheduled(now) | orphaned(now) | waiting_or_changed(self.since)
        self.since = now - timedelta(seconds=settings.SWEEP_EVERY)
        for execution_id in sorted(found):
            self.queue.advance(execution_id)
        return found
