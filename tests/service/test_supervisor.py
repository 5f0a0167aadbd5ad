"""The supervisor behind `manage.py serve` keeps its processes together: when one ends
on its own the others are stopped, and one that ignores the stop signal is killed with
its process group after the grace period (as Kestra's standalone server ends all its
components when one fails)."""
import os
import signal
import sys
import threading
import time

from kestraweb.supervisor import Child, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(3600)"]


def _stubborn(ready_file) -> list[str]:
    """A process that ignores SIGINT, and says so by creating `ready_file`."""
    return [sys.executable, "-c", "import pathlib, signal, sys, time; signal.signal(signal.SIGINT, signal.SIG_IGN); "
            "pathlib.Path(sys.argv[1]).touch(); time.sleep(3600)", str(ready_file)]


def _gone(child: Child) -> bool:
    try:
        os.kill(child.process.pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_it_stops_the_others_when_one_process_ends(capsys):
    sleeper = Child("sleeper", SLEEPER)
    failing = Child("failing", [sys.executable, "-c", "raise SystemExit(3)"])
    code = Supervisor([sleeper, failing], grace=60).run()
    assert code == 1
    assert sleeper.process.returncode is not None and _gone(sleeper)
    assert "failing ended with exit code 3; stopping the others" in capsys.readouterr().out


def test_it_kills_a_process_that_ignores_the_stop_signal_after_the_grace(tmp_path, capsys):
    ready = tmp_path / "ready"
    stubborn = Child("stubborn", _stubborn(ready))
    supervisor = Supervisor([stubborn], grace=0.5)

    def interrupt_when_ready():
        while not ready.exists():
            time.sleep(0.02)
        supervisor._on_signal(signal.SIGINT, None)  # what Ctrl-C does, without signalling pytest itself

    threading.Thread(target=interrupt_when_ready, daemon=True).start()
    assert supervisor.run() == 0
    assert stubborn.process.returncode == -signal.SIGKILL and _gone(stubborn)
    assert "stubborn did not stop within 0.5 s: killed" in capsys.readouterr().out
