"""Driving executions to their end in this process: the executor decides, a pool of
worker threads runs the slow tasks, and the runner wakes the executor when a worker
finishes or a wait (retry back-off, pause) is over."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.states import TERMINAL, State

from .execution_retry import pending_retry
from .executor import Executor
from .flow_index import index_for_source
from .view import ExecutionView
from .worker import WORKER_ID, claim, run_attempt

HEARTBEAT_EVERY = 5.0
TERMINAL_VALUES = [state.value for state in TERMINAL]
POLL_EVERY = 0.5  # how often changes made by other processes (kill, resume) are noticed


class Runner:
    def __init__(self, workers: int = 8):
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kestraweb-worker")
        self.in_flight: dict[str, threading.Event] = {}
        self.lock = threading.Lock()
        self.wakeup = threading.Event()
        self.watched: set[str] = set()

    # --- workers ------------------------------------------------------------------
    def dispatch(self, execution_id: str, taskrun_id: str):
        with self.lock:
            if taskrun_id in self.in_flight:
                return
            self.in_flight[taskrun_id] = threading.Event()
        self.pool.submit(self._work, execution_id, taskrun_id)

    def _work(self, execution_id: str, taskrun_id: str):
        try:
            taskrun = TaskRun.objects.get(pk=taskrun_id)
            if claim(taskrun):
                view = ExecutionView.load(execution_id)
                from .executor import flow_source

                index = index_for_source(flow_source(view.execution))
                run_attempt(view, index.spec, index.task(taskrun.task_id), taskrun, self.in_flight[taskrun_id])
        except DatabaseError:
            raise
        except Exception as exc:  # an engine bug in a worker must not leave its taskrun RUNNING forever
            fail_execution(execution_id, exc)
        finally:
            with self.lock:
                self.in_flight.pop(taskrun_id, None)
            close_old_connections()
            connection.close()
            self.wakeup.set()

    def _heartbeat(self):
        ids = list(self.in_flight)
        if ids:
            TaskRun.objects.filter(pk__in=ids, worker=WORKER_ID).update(heartbeat=timezone.now())

    def _signal_kills(self, view: ExecutionView):
        if view.execution.state == State.KILLING.value:
            for tr in view.active():
                event = self.in_flight.get(tr.id)
                if event is not None:
                    event.set()

    # --- executions -------------------------------------------------------------------
    def watch(self, execution_id: str):
        self.watched.add(execution_id)
        self.wakeup.set()

    def run(self, execution_id: str, timeout: float | None = None) -> Execution:
        """Advance `execution_id` (and the executions it starts) until it ends."""
        self.watch(execution_id)
        for child_id in unfinished_descendants(execution_id):
            self.watch(child_id)
        deadline = time.monotonic() + timeout if timeout else None
        last_heartbeat = time.monotonic()
        while True:
            self.wakeup.clear()
            wake_at = None
            for ex_id in list(self.watched):
                view = self._advance(ex_id)
                self._signal_kills(view)
                if view.execution.is_terminal and not self._has_in_flight(view) and pending_retry(view) is None:
                    self.watched.discard(ex_id)
                    continue
                wake_at = _earliest(wake_at, _next_wait(view))
            root = Execution.objects.get(pk=execution_id)
            if root.is_terminal and not self.watched:
                return root
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(f"execution {execution_id} did not end in {timeout} s")
            wait = POLL_EVERY
            if wake_at is not None:
                wait = max(0.0, min(wait, (wake_at - timezone.now()).total_seconds()))
            self.wakeup.wait(wait)
            if time.monotonic() - last_heartbeat > HEARTBEAT_EVERY:
                self._heartbeat()
                last_heartbeat = time.monotonic()

    def _advance(self, execution_id: str) -> ExecutionView:
        try:
            return Executor(execution_id, self.dispatch, self.watch).advance()
        except DatabaseError:
            raise  # the database is the truth: without it nothing can be decided or recorded
        except Exception as exc:  # an engine bug must not leave the execution RUNNING forever
            fail_execution(execution_id, exc)
            return ExecutionView.load(execution_id)

    def _has_in_flight(self, view) -> bool:
        return any(tr_id in self.in_flight for tr_id in view.taskruns)

    def close(self, wait: bool = True):
        self.pool.shutdown(wait=wait, cancel_futures=not wait)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        # Interrupted (Ctrl-C): do not wait for the tasks under way; they are the next
        # process's to run again, as after a crash.
        self.close(wait=not (exc_type is not None and issubclass(exc_type, KeyboardInterrupt)))


def fail_execution(execution_id: str, exc: Exception):
    """End an execution FAILED because the engine itself failed on it, saying why."""
    from .logger import ExecutionLogger

    execution = Execution.objects.get(pk=execution_id)
    ExecutionLogger(execution).error(f"Internal error of the executor: {type(exc).__name__}: {exc}")
    if not execution.is_terminal:
        execution.set_state(State.FAILED)
        execution.version += 1
        execution.save(update_fields=["state", "state_history", "start_date", "end_date", "version", "updated"])


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
