"""Real processes for the scheduler's tests: `manage.py scheduler` and a `qcluster`
against this test run's database. Each test waits for states in the database, never
for a time."""
import signal
import subprocess

import pytest

from executions.models import Execution
from tests.subprocesses import manage_env, start_manage, wait_while_running


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Processes:
    def __init__(self, tmp_path):
        self.env = manage_env(tmp_path)
        self.started: list[subprocess.Popen] = []

    def start(self, *args) -> subprocess.Popen:
        proc = start_manage(*args, env=self.env)
        self.started.append(proc)
        return proc

    def scheduler(self) -> subprocess.Popen:
        return self.start("scheduler")

    def cluster(self) -> subprocess.Popen:
        return self.start("qcluster")

    def stop_all(self):
        for proc in self.started:
            stop(proc)


@pytest.fixture
def processes(tmp_path):
    running = Processes(tmp_path)
    yield running
    running.stop_all()


def trigger_dates(flow_id: str) -> list[str]:
    """The `trigger.date` of each execution of the flow, oldest first."""
    return sorted(e.trigger["variables"]["date"] for e in Execution.objects.filter(flow_id=flow_id))


def wait_for(proc, reached, what):
    wait_while_running(proc, reached, what)
