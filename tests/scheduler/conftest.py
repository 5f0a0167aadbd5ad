"""Real processes for the scheduler's tests: `manage.py scheduler` and a `qcluster`
against this test run's database. Each test waits for states in the database, never
for a time."""
import signal
import subprocess
import uuid

import pytest

from executions.models import Execution
from plugins.conftest import require_server
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


@pytest.fixture
def redis_list():
    """A Redis list of its own on this machine's Redis (skipped, saying why, when it
    does not answer), deleted with its pending lists afterwards."""
    from .redis_lists import URL
    require_server("127.0.0.1", 6379, "Redis")
    import redis
    connection = redis.Redis.from_url(URL)
    key = f"kw-e2e-{uuid.uuid4().hex[:8]}"
    yield connection, key
    for name in connection.scan_iter(f"{key}*"):
        connection.delete(name)
    connection.close()


def trigger_dates(flow_id: str) -> list[str]:
    """The `trigger.date` of each execution of the flow, oldest first."""
    return sorted(e.trigger["variables"]["date"] for e in Execution.objects.filter(flow_id=flow_id))


def wait_for(proc, reached, what):
    wait_while_running(proc, reached, what)


def wait_until_clock_passes(moment):
    """Wait for the clock (a state, like any other) to pass `moment`."""
    import time

    from django.utils import timezone

    while timezone.now() <= moment:
        time.sleep(0.05)


def every_second_flow(flow_id: str, extra: str = "") -> str:
    return f"""
id: {flow_id}
namespace: tests.scheduler
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.date }}}}"
triggers:
  - id: tick
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * * *"
    withSeconds: true
{extra}"""


def consecutive(dates) -> bool:
    from datetime import timedelta
    return list(dates) == [dates[0] + timedelta(seconds=n) for n in range(len(dates))]


def parse(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
