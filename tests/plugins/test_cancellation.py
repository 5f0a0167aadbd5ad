"""ctx.cancellation: kill and timeout run the callbacks a task registered, so a task
blocked in a library call (a download, a query, a subprocess) is unblocked. Kestra's
worker likewise calls the running task's kill() (io.kestra.core.runners.WorkerTask /
RunnableTask#kill) when the execution is killed or the task's timeout passes."""
from __future__ import annotations

import threading
import time

import pytest

from executions.engine.create import create_execution
from executions.engine.kill import kill_unless_ended
from executions.engine.runner import run_to_end
from executions.models import Execution, LogEntry, TaskRun
from plugins.api.cancellation import KILLED, TIMEOUT, Cancellation, CancelSignal
from plugins.api.context import TaskInterrupted
from plugins.api.properties import Property
from plugins.api.registry import register, resolve
from plugins.api.task import RunnableTask
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

# What the blocking task saw, by the execution that ran it.
SEEN: dict[str, list[str]] = {}
BLOCKING: dict[str, threading.Event] = {}


if resolve("tests.BlockUntilCancelled") is None:
    @register
    class BlockUntilCancelled(RunnableTask):
        """Test-only task: blocks on an event that only its on_cancel callback sets, as a
        driver call blocks until its cancel() is called."""

        type = "tests.BlockUntilCancelled"
        properties = (Property("marker", required=True),)

        def run(self, ctx):
            marker = ctx.render_property("marker")
            unblocked = threading.Event()
            BLOCKING[marker] = unblocked
            seen = SEEN.setdefault(marker, [])

            def cancel():
                seen.append("callback")
                unblocked.set()

            unregister = ctx.cancellation.on_cancel(cancel)
            try:
                if not unblocked.wait(30):  # the callback is the only way out
                    seen.append("never cancelled")
                    return {}
                seen.append(f"remaining={ctx.cancellation.remaining() is not None}")
                ctx.cancellation.check()
                seen.append("check did not raise")
                return {}
            finally:
                unregister()


def test_a_kill_runs_the_callback_and_the_task_ends_killed():
    flow = save("""
        id: cancel-kill
        namespace: tests.cancellation
        tasks:
          - id: block
            type: tests.BlockUntilCancelled
            marker: kill
    """)
    execution = create_execution(flow, {})
    done: dict[str, Execution] = {}
    runner = threading.Thread(target=lambda: done.setdefault("ex", run_to_end(execution.id, timeout=60)))
    runner.start()
    for _ in range(600):  # the task has registered its callback once it waits
        if "kill" in BLOCKING:
            break
        threading.Event().wait(0.05)
    assert "kill" in BLOCKING, "the task never started"
    assert kill_unless_ended(execution.id)
    runner.join(60)
    assert done["ex"].state == "KILLED"
    assert SEEN["kill"][0] == "callback"
    assert "check did not raise" not in SEEN["kill"] and "never cancelled" not in SEEN["kill"]
    assert TaskRun.objects.get(execution_id=execution.id, task_id="block").state == "KILLED"


def test_a_timeout_runs_the_callback_and_the_task_fails_with_the_timeout():
    run = run_flow("""
        id: cancel-timeout
        namespace: tests.cancellation
        tasks:
          - id: block
            type: tests.BlockUntilCancelled
            marker: timeout
            timeout: PT0.5S
    """)
    assert run.state == "FAILED" and run.one("block").state == "FAILED"
    for _ in range(200):  # the task's own thread goes on a moment after the worker gave up on it
        if len(SEEN["timeout"]) > 1:
            break
        threading.Event().wait(0.05)
    assert SEEN["timeout"][:2] == ["callback", "remaining=True"]
    assert "check did not raise" not in SEEN["timeout"]
    assert LogEntry.objects.filter(execution_id=run.execution.id, message__startswith="Timeout after").exists()


def test_sleep_still_waits_and_still_stops_at_its_timeout():
    run = run_flow("""
        id: cancel-sleep
        namespace: tests.cancellation
        tasks:
          - id: short
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.1S
          - id: long
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT30S
            timeout: PT0.2S
    """)
    assert run.one("short").state == "SUCCESS"
    assert run.one("long").state == "FAILED"


def test_the_signal_runs_each_callback_once_and_not_after_unregistering():
    signal = CancelSignal()
    calls: list[str] = []
    signal.add_callback(lambda: calls.append("a"))
    unregister_b = signal.add_callback(lambda: calls.append("b"))
    unregister_b()
    signal.set(TIMEOUT)
    signal.set()  # a second set (the watchdog after a timeout) runs nothing again
    assert signal.join_callbacks(10)
    assert calls == ["a"]
    assert signal.reason == TIMEOUT
    signal.add_callback(lambda: calls.append("late"))  # already cancelled: runs at once
    assert calls == ["a", "late"]


def test_a_failing_callback_does_not_stop_the_others():
    signal = CancelSignal()
    calls: list[str] = []

    def broken() -> None:
        raise OSError("stream already closed")

    signal.add_callback(broken)
    signal.add_callback(lambda: calls.append("second"))
    signal.set()
    assert signal.join_callbacks(10)
    assert calls == ["second"]


def test_a_slow_callback_does_not_hold_the_thread_that_cancels():
    """The watchdog sets the signals of every task of its process: a driver's cancel
    that blocks must not stop it from reaching the next one."""
    signal = CancelSignal()
    release = threading.Event()
    signal.add_callback(lambda: release.wait(30))
    signal.set()  # returns while the callback still waits
    assert signal.is_set() and not signal.join_callbacks(0.05)
    release.set()
    assert signal.join_callbacks(10)


def test_check_and_wait_name_the_reason():
    killed = Cancellation(CancelSignal())
    assert not killed.is_set() and killed.remaining() is None
    assert killed.wait(0.01) is False
    killed.signal.set()
    assert killed.is_set() and killed.wait(5) is True
    with pytest.raises(TaskInterrupted, match=KILLED):
        killed.check()

    past = Cancellation(CancelSignal(), deadline=time.monotonic() - 1)
    assert past.remaining() == 0.0 and past.is_set()
    with pytest.raises(TaskInterrupted, match=TIMEOUT):
        past.check()
