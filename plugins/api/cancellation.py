"""Cancellation of a running task: what `ctx.cancellation` gives a plugin.

A task stops for two reasons: its execution is killed (the worker's watchdog sees
KILLING) or it runs past its `timeout` (the worker that waits for it). Both set the
attempt's CancelSignal. A task that loops asks `check()` between steps; a task that
blocks in a library (a download, a query, a subprocess) registers `on_cancel(...)` to
unblock it: close the stream, call the driver's cancel, kill the process group.

Kestra's counterpart is the worker's `kill()` on a running task
(io.kestra.core.models.tasks.runners.TaskRunner#kill and RunnableTask#kill).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from .context import TaskInterrupted

log = logging.getLogger(__name__)

KILLED = "killed"
TIMEOUT = "timeout"

Callback = Callable[[], None]


class CancelSignal(threading.Event):
    """The event the engine sets to stop an attempt, which also runs the callbacks
    registered on it, once each. They run on a thread of their own: the thread that
    sets the signal (the watchdog, which watches every task of its process, or the
    worker past a timeout) never waits for a driver's cancel. `set()` without a reason
    is a kill."""

    def __init__(self) -> None:
        super().__init__()
        self._callbacks_lock = threading.Lock()
        self._callbacks: dict[int, Callback] = {}
        self._next_key = 0
        self._fired = False
        self._runner: threading.Thread | None = None
        self.reason: str | None = None

    def set(self, reason: str = KILLED) -> None:
        with self._callbacks_lock:
            if self._fired:
                return
            self._fired, self.reason = True, reason
            callbacks = list(self._callbacks.values())
            self._callbacks.clear()
            # Set before any callback runs: a task its own callback wakes (a closed socket,
            # a killed process) must find itself cancelled and end KILLED, not FAILED.
            super().set()
            if callbacks:
                self._runner = threading.Thread(target=_run_all, args=(callbacks,), name="kestraweb-cancel",
                                                daemon=True)
                self._runner.start()

    def join_callbacks(self, timeout: float | None = None) -> bool:
        """Wait for the callbacks the signal started to return; whether they all did."""
        runner = self._runner
        if runner is None:
            return True
        runner.join(timeout)
        return not runner.is_alive()

    def add_callback(self, callback: Callback) -> Callback:
        """Register `callback`; when the signal is already set, it runs now. Returns the
        function that unregisters it (harmless once it ran)."""
        with self._callbacks_lock:
            if not self._fired:
                key = self._next_key
                self._next_key += 1
                self._callbacks[key] = callback

                def unregister() -> None:
                    with self._callbacks_lock:
                        self._callbacks.pop(key, None)

                return unregister
        _run(callback)
        return _nothing


def _nothing() -> None:
    return None


def _run_all(callbacks: list[Callback]) -> None:
    for callback in callbacks:
        _run(callback)


def _run(callback: Callback) -> None:
    """A failing callback is logged and the others still run: the kill itself must go on
    (the task is stopped by its TaskInterrupted all the same)."""
    try:
        callback()
    except Exception:
        log.exception("cancellation callback %r failed", callback)


class Cancellation:
    """What a task sees of its stopping: the attempt's signal and its deadline
    (time.monotonic() seconds, None without a `timeout`)."""

    def __init__(self, signal: CancelSignal | None = None, deadline: float | None = None) -> None:
        self.signal = signal if signal is not None else CancelSignal()
        self.deadline = deadline

    def remaining(self) -> float | None:
        """Seconds left before the task's timeout (0 once past it); None without one."""
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - time.monotonic())

    def reason(self) -> str | None:
        """"killed" or "timeout" once cancelled, else None."""
        if self.signal.is_set():
            return self.signal.reason or KILLED
        if self.deadline is not None and time.monotonic() >= self.deadline:
            return TIMEOUT
        return None

    def is_set(self) -> bool:
        """Whether the task should stop now (killed, or past its timeout)."""
        return self.reason() is not None

    def check(self) -> None:
        """Raise TaskInterrupted("killed" | "timeout") when the task should stop."""
        reason = self.reason()
        if reason is not None:
            raise TaskInterrupted(reason)

    def wait(self, seconds: float) -> bool:
        """Wait up to `seconds` (less when the timeout comes first); True when the task
        was cancelled meanwhile, False when the time simply passed."""
        limit = max(0.0, seconds)
        remaining = self.remaining()
        if remaining is not None:
            limit = min(limit, remaining)
        self.signal.wait(limit)
        return self.is_set()

    def on_cancel(self, callback: Callback) -> Callback:
        """Run `callback` when the task is killed or times out, on a thread of the
        signal's (at once, in this thread, if it already was); returns the function that
        unregisters it, to call once the blocking call it guards has returned."""
        return self.signal.add_callback(callback)
