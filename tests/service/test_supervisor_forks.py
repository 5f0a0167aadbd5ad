"""`manage.py serve` forks its processes from one that loaded Django once
(kestraweb.supervisor's `run` children): each forked child is a process of its own
session, ends with its function's exit code, and takes Ctrl-C as Python's default
does, not as the supervisor that forked it."""
import os
import signal
import sys
import threading
import time

import pytest

from kestraweb.supervisor import WINDOWS, Child, Supervisor

pytestmark = pytest.mark.skipif(WINDOWS, reason="Windows cannot fork: serve starts each process from its argv")


def _forked(name: str, run) -> Child:
    return Child(name, [sys.executable, f"<{name}>"], run=run)


def _stop_when(supervisor: Supervisor, reached) -> None:
    def watch():
        while not reached():
            time.sleep(0.02)
        supervisor._on_signal(signal.SIGINT, None)  # what Ctrl-C does, without signalling pytest itself

    threading.Thread(target=watch, daemon=True).start()


def test_a_forked_child_ends_with_its_exit_code_and_the_others_are_stopped(capsys):
    sleeper = _forked("sleeper", lambda: time.sleep(3600))
    failing = _forked("failing", lambda: sys.exit(3))
    assert Supervisor([sleeper, failing], grace=60).run() == 1
    assert failing.process.returncode == 3
    assert sleeper.process.returncode is not None
    assert "failing ended with exit code 3; stopping the others" in capsys.readouterr().out


def test_a_forked_child_runs_in_a_session_of_its_own_and_takes_ctrl_c_as_python_does(tmp_path):
    ready = tmp_path / "ready"

    def nap():
        ready.write_text(str(os.getsid(0)))
        time.sleep(3600)

    napper = _forked("napper", nap)
    supervisor = Supervisor([napper], grace=60)
    _stop_when(supervisor, lambda: ready.exists() and ready.read_text())
    assert supervisor.run() == 0
    assert int(ready.read_text()) == napper.process.pid  # its own session: a terminal's Ctrl-C comes only from here
    assert napper.process.returncode == 1  # KeyboardInterrupt, not the grace's SIGKILL
