"""Driving executions to their end in this process (`runflow`, `runexecution`): the
engine's two steps (steps.py) queued in memory, `advance` on this thread and
`run_taskrun` on a pool of worker threads, as the cluster queues them on django-q2.

This process is also the sweeper of the executions it drives: it advances them when a
wait it knows of (retry back-off, Pause delay, LoopUntil check) is due, and every
POLL_EVERY seconds to notice what other processes changed (a kill, a resume)."""
from __future__ import annotations

import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from django.db import close_old_connections, connection
from django.utils import timezone

from executions.models import Execution
from executions.states import TERMINAL
from plugins.api.cancellation import CancelSignal

from . import steps
from .execution_retry import pending_retry
from .executor import Executor, not_yet_due
from .view import ExecutionView

TERMINAL_VALUES = [state.value for state in TERMINAL]
POLL_EVERY = 0.5  # how often changes made by other processes (kill, resume) are noticed


class ExecutionTimeout(TimeoutError):
    def __init__(self, execution_id: str, timeout: float):
        super().__init__(f"execution {execution_id} did not end within {timeout:g} s (--timeout); it is left "
                         f"unfinished: `python manage.py runexecution {execution_id}` carries it on")
        self.execution_id = execution_id


class Runner:
    """A StepQueue in memory for one execution and the executions it starts."""

    def __init__(self, workers: int = 8):
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kestraweb-worker")
        self.lock = threading.Lock()
        self.wakeup = threading.Event()
        self.in_flight: dict[str, CancelSignal] = {}  # taskrun ids handed to a worker thread, their cancel
        self.family: set[str] = set()  # the executions this runner drives
        self.pending: dict[str, None] = {}  # executions to advance, in order
        self.watched: set[str] = set()  # family members not yet done
        self.executors: dict[str, Executor] = {}  # kept between advances, with their views
        # execution id -> its taskruns whose worker thread ended since its last advance
        self.ended: dict[str, set[str]] = defaultdict(set)

    # --- the StepQueue ----------------------------------------------------------------
    def started(self, execution_id: str):
        self.family.add(execution_id)
        self.advance(execution_id)

    def advance(self, execution_id: str):
        """Executions outside the family (other flows' queued executions woken by an end)
        are the cluster's or their own runner's to drive, not this one's."""
        if execution_id not in self.family:
            return
        with self.lock:
            self.pending[execution_id] = None
        self.wakeup.set()

    def run_taskrun(self, taskrun_id: str, execution_id: str | None = None):
        with self.lock:
            if taskrun_id in self.in_flight:
                return
            self.in_flight[taskrun_id] = cancel = CancelSignal()
        self.pool.submit(self._work, taskrun_id, execution_id, cancel)

    def _work(self, taskrun_id: str, execution_id: str | None, cancel: CancelSignal):
        try:
            steps.run_taskrun(taskrun_id, self, cancel)
        finally:
            with self.lock:
                self.in_flight.pop(taskrun_id, None)
                if execution_id is not None:
                    self.ended[execution_id].add(taskrun_id)
            close_old_connections()
            connection.close()
            self.wakeup.set()

    # --- driving ----------------------------------------------------------------------
    def run(self, execution_id: str, timeout: float | None = None) -> Execution:
        """Advance `execution_id` (and the executions it starts) until it ends."""
        self.started(execution_id)
        for child_id in unfinished_descendants(execution_id):
            self.started(child_id)
        deadline = time.monotonic() + timeout if timeout else None
        next_poll = time.monotonic() + POLL_EVERY
        wake_at: datetime | None = None
        while True:
            self.wakeup.clear()
            with self.lock:
                due = list(self.pending)
                self.pending.clear()
                due += [ex_id for ex_id in self.ended if ex_id not in due]
            polling = time.monotonic() >= next_poll
            if polling or (wake_at is not None and wake_at <= timezone.now()):
                due += [ex_id for ex_id in self.watched if ex_id not in due]
                next_poll, wake_at = time.monotonic() + POLL_EVERY, None
            for ex_id in due:
                with self.lock:
                    ended = self.ended.pop(ex_id, set())
                # A poll reads all a worker may have written, whoever's: the safety net
                # for the workers of other processes (a cluster's) on this execution.
                view = steps.advance(ex_id, self, self._executor(ex_id), None if polling else ended)
                if view is None or self._done(view):
                    self.watched.discard(ex_id)
                    self.executors.pop(ex_id, None)
                    continue
                self.watched.add(ex_id)
                wake_at = _earliest(wake_at, _next_wait(view))
            if not self.watched and not self.pending:
                return Execution.objects.get(pk=execution_id)
            if deadline is not None and time.monotonic() > deadline:
                raise ExecutionTimeout(execution_id, timeout)
            wait = max(0.0, next_poll - time.monotonic())
            if wake_at is not None:
                wait = max(0.0, min(wait, (wake_at - timezone.now()).total_seconds()))
            self.wakeup.wait(wait)

    def _executor(self, execution_id: str) -> Executor:
        """This execution's executor, kept between advances; it tells the runner which
        execution each taskrun it hands out belongs to, for `ended`."""
        if execution_id not in self.executors:
            self.executors[execution_id] = Executor(
                execution_id, lambda ex_id, taskrun_id: self.run_taskrun(taskrun_id, ex_id), self.started)
        return self.executors[execution_id]

    def _done(self, view: ExecutionView) -> bool:
        if not view.execution.is_terminal or pending_retry(view) is not None:
            return False
        with self.lock:
            return not any(tr_id in self.in_flight for tr_id in view.taskruns)

    def close(self, wait: bool = True):
        self.pool.shutdown(wait=wait, cancel_futures=not wait)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        # Interrupted (Ctrl-C), out of time or failed: do not wait for the tasks under
        # way; the commands end the process at once (report.stop_on_interrupt) and
        # what the tasks leave is the next process's to run again, as after a crash.
        # Cancelling them instead would record them KILLED, and a KILLED task is not
        # run again.
        self.close(wait=exc_type is None)


def unfinished_descendants(execution_id: str) -> list[str]:
    """The unfinished executions that `execution_id`'s Subflow and ForEachItem tasks
    started, and theirs: a process that takes over an execution (after Ctrl-C or a
    crash) must carry them on too, as the process that started them would have; the
    parent's task waits on them."""
    found, frontier = [], [execution_id]
    while frontier:
        children = list(Execution.objects.filter(parent_id__in=frontier).exclude(state__in=TERMINAL_VALUES)
                        .values_list("id", flat=True))
        found += children
        frontier = children
    return found


def _next_wait(view) -> datetime | None:
    waits = [tr.wait_until for tr in view.active() if tr.wait_until is not None]
    if not_yet_due(view.execution):
        waits.append(view.execution.schedule_date)
    retry = pending_retry(view)
    if retry is not None:
        waits.append(retry.wait_until)
    return min(waits) if waits else None


def _earliest(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def run_to_end(execution_id: str, timeout: float | None = None, workers: int = 8) -> Execution:
    with Runner(workers=workers) as runner:
        return runner.run(execution_id, timeout=timeout)
