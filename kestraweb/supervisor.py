"""Running a few long-lived processes as one service: each is started, watched and
stopped together, the way `make run` wants the web server and the cluster.

- A stop signal (Ctrl-C's SIGINT, or SIGTERM) is passed on, once, to each process;
  they run in process groups of their own, so a terminal's Ctrl-C reaches them only
  through here and no process gets it twice.
- When one process ends on its own, the others are stopped too: half a service is
  worse than none, since nothing would say the executions no longer run.
- A process that has not ended `grace` seconds after its signal is killed with its
  whole group (the cluster's worker processes included): a task under way is then
  left to the next start to pick up, as after a crash. A second Ctrl-C kills at once.
- A child given `run` (a function) is forked from this process rather than started
  from `argv` (which it only shows): what this process imported before, and froze
  with gc.freeze(), stays shared between all of them instead of each loading Django
  anew (kestraweb.preload). Windows, which cannot fork, starts `argv`."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

POLL_EVERY = 0.2
WINDOWS = sys.platform == "win32"


class ForkedProcess:
    """What the supervisor needs of a subprocess.Popen, for a forked child."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)


def fork(name: str, run: Callable[[], object], env: dict) -> ForkedProcess:
    """`run()` in a forked child of its own session with Python's default signal
    handling; the child ends with its exit code, never returning here. It shares its
    parent's command line: `ps -o comm` tells it by its `name`."""
    pid = os.fork()
    if pid:
        return ForkedProcess(pid)
    code = 1
    try:
        with contextlib.suppress(OSError):  # Linux only; a name is a nicety
            Path("/proc/self/comm").write_text(f"kw-{name}"[:15])
        os.setsid()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.environ.clear()
        os.environ.update(env)
        run()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # noqa: BLE001 - the child's last words, then its exit code says it failed
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@dataclass
class Child:
    name: str
    argv: list[str]
    run: Callable[[], object] | None = field(default=None, repr=False)
    process: subprocess.Popen | ForkedProcess | None = field(default=None, repr=False)

    def start(self, env: dict) -> None:
        if self.run is not None and not WINDOWS:
            self.process = fork(self.name, self.run, env)
        elif WINDOWS:
            self.process = subprocess.Popen(self.argv, env=env, creationflags=subprocess.CREATE_NEW_PROCESS_GROUP)
        else:
            self.process = subprocess.Popen(self.argv, env=env, start_new_session=True)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, signum: int) -> None:
        if not self.running:
            return
        if WINDOWS:  # a console process group takes CTRL_BREAK, not POSIX signals
            self.process.send_signal(signal.CTRL_BREAK_EVENT)
        else:
            self.process.send_signal(signum)

    def kill(self) -> None:
        if not self.running:
            return
        if WINDOWS:
            self.process.kill()
        else:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


class Supervisor:
    def __init__(self, children: list[Child], grace: float, say=print):
        self.children = children
        self.grace = grace
        self.say = say
        self.stop_signal: int | None = None
        self.signals = 0

    def _on_signal(self, signum, frame):
        self.stop_signal = signum
        self.signals += 1

    def run(self, env: dict | None = None) -> int:
        """Start every child, wait until a stop signal or one child ends, stop them all.
        0 after a stop signal; otherwise 1 (a process ended that should not have)."""
        previous = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            for child in self.children:
                child.start(env if env is not None else dict(os.environ))
                self.say(f"started {child.name} (pid {child.process.pid}): {' '.join(child.argv)}")
            ended = self._wait_for_an_end()
            if ended is not None:
                self.say(f"{ended.name} ended with exit code {ended.process.returncode}; stopping the others")
            self._stop_all(self.stop_signal or signal.SIGTERM)
            return 0 if ended is None else 1
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _wait_for_an_end(self) -> Child | None:
        while self.stop_signal is None:
            for child in self.children:
                if not child.running:
                    return child
            time.sleep(POLL_EVERY)
        return None

    def _stop_all(self, signum: int) -> None:
        for child in self.children:
            child.stop(signum)
        deadline = time.monotonic() + self.grace
        signals = self.signals
        while any(child.running for child in self.children) and time.monotonic() < deadline:
            if self.signals > signals:
                break
            time.sleep(POLL_EVERY)
        for child in self.children:
            if child.running:
                why = "asked again" if self.signals > signals else f"did not stop within {self.grace:g} s"
                self.say(f"{child.name} {why}: killed")
                child.kill()
        for child in self.children:
            self.say(f"{child.name} (pid {child.process.pid}) stopped, exit code {child.process.returncode}")
