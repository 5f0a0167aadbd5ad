"""A worker process's watch over the tasks it runs, through the database, so it works
whichever process asked: one thread per process that

- renews the heartbeat of every taskrun this process runs (settings.WORKER_HEARTBEAT_EVERY),
  which tells the sweeper the worker is alive (workers_alive.is_orphan);
- sets a task's cancel event once its execution is KILLING (or already KILLED), which
  the task's run context turns into TaskInterrupted; a kill made by another process
  (the API, the admin, another cluster) thus stops a task running here.

A task's own `timeout` is enforced by the worker running it (worker._run_with_timeout)
and sets the same event. The thread holds a database connection only while tasks run:
it closes it when none is left, so an idle process keeps no connection open."""
from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.states import State
from plugins.api.cancellation import CancelSignal

from .workers_alive import worker_id

log = logging.getLogger(__name__)
STOPPING = (State.KILLING.value, State.KILLED.value)


class Watchdog:
    def __init__(self):
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.watched: dict[str, tuple[str, CancelSignal]] = {}  # taskrun id -> (execution id, cancel)
        self.thread: threading.Thread | None = None
        self.pid = 0

    @contextmanager
    def watching(self, taskrun_id: str, execution_id: str, cancel: CancelSignal):
        with self.lock:
            idle = not self.watched
            self.watched[taskrun_id] = (execution_id, cancel)
            if self.thread is None or not self.thread.is_alive() or self.pid != os.getpid():
                self.pid = os.getpid()  # a forked process has no copy of its parent's thread
                self.thread = threading.Thread(target=self._loop, name="kestraweb-watchdog", daemon=True)
                self.thread.start()
            elif idle:
                self.changed.notify()  # only the idle thread waits for this; a busy one looks on its own period
        try:
            yield cancel
        finally:
            with self.lock:
                self.watched.pop(taskrun_id, None)

    def _loop(self):
        last_beat = time.monotonic()
        while True:
            with self.lock:
                if not self.watched:
                    connection.close()
                    while not self.watched:
                        self.changed.wait()
                    last_beat = time.monotonic()  # a claim has just written a fresh heartbeat
                self.changed.wait(settings.WORKER_KILL_POLL)
                # Taken after the wait: a task that ended meanwhile is not looked at.
                snapshot = dict(self.watched)
            if not snapshot:
                continue
            try:
                self._signal_kills(snapshot)
                if time.monotonic() - last_beat >= settings.WORKER_HEARTBEAT_EVERY:
                    self._beat(snapshot)
                    last_beat = time.monotonic()
            except DatabaseError as exc:  # the next look tries again; the task itself is not affected
                log.warning("worker watchdog: %s", exc)
                connection.close()

    def _signal_kills(self, snapshot):
        execution_ids = {execution_id for execution_id, _ in snapshot.values()}
        stopping = set(Execution.objects.filter(pk__in=execution_ids, state__in=STOPPING)
                       .values_list("id", flat=True))
        for execution_id, cancel in snapshot.values():
            if execution_id in stopping:
                cancel.set()

    def _beat(self, snapshot):
        TaskRun.objects.filter(pk__in=list(snapshot), worker=worker_id()).update(heartbeat=timezone.now())


WATCHDOG = Watchdog()
