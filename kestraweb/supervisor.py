"""Running a few long-lived processes as one service: each is started, watched and
stopped together, the way `make run` wants the web server and the cluster.

- A stop signal (Ctrl-C's SIGINT, or SIGTERM) is passed on, once, to each process;
  they run in process groups of their own, so a terminal's Ctrl-C reaches them only
  through here and no process gets it twice.
- When one process ends on its own, the others are stopped too: half a service is
  worse than none, since nothing would say the executions no longer run.
- A process that has not ended `grace` seconds after its signal is killed with its
  whole group (the cluster's worker processes included): a task under way is then
  left to the next start to pick up, as after a crash. A second Ctrl-C kills at once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

POLL_EVERY = 0.2
WINDOWS = sys.platform == "win32"


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, env: dict) -> None:
        if WINDOWS:
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
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
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
