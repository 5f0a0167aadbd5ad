"""The executor keeps nothing only in memory: kill the process running an execution
mid-way, and another process finishes it, each finished task run exactly once.

Nothing here depends on timing: the Sleep's duration comes from `envs`, an hour in the
process that gets killed (so it is surely still sleeping when the kill comes, however
loaded the machine) and nothing in the one that resumes."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from executions.models import Execution, LogEntry, TaskRun

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]

FLOW = """
id: crashy
namespace: tests.crash
tasks:
  - id: before
    type: io.kestra.plugin.core.log.Log
    message: before ran
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: "{{ envs.nap }}"
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: after ran
"""


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def manage(*args, env):
    return [sys.executable, str(ROOT / "manage.py"), *args]


def test_another_process_finishes_a_killed_execution(tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url(), "KESTRAWEB_DATA_DIR": str(tmp_path), "ENV_NAP": "PT1H"}
    flow_file = tmp_path / "crashy.yaml"
    flow_file.write_text(FLOW)
    first = subprocess.Popen(manage("runflow", str(flow_file), env=env), env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300  # a guard against a broken engine, not a time window
    while not TaskRun.objects.filter(task_id="nap", state="RUNNING").exists():
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "the first process never started the Sleep"
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()

    execution = Execution.objects.get(flow_id="crashy")
    assert execution.state == "RUNNING"
    env["ENV_NAP"] = "PT0S"
    second = subprocess.run(manage("runexecution", execution.id, "--json", env=env), env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["state"]["current"] == "SUCCESS"

    assert TaskRun.objects.filter(execution=execution).count() == 3
    messages = list(LogEntry.objects.filter(execution_id=execution.id).values_list("message", flat=True))
    assert messages.count("before ran") == 1 and messages.count("after ran") == 1
    nap = TaskRun.objects.get(execution=execution, task_id="nap")
    assert [a["state"]["current"] for a in nap.attempts] == ["KILLED", "SUCCESS"]
