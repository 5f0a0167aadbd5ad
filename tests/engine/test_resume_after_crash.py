"""The executor keeps nothing only in memory: kill the process running an execution
mid-way, and another process finishes it, each finished task run exactly once.

Nothing here depends on timing: the Sleep's duration comes from `envs`, an hour in the
process that gets killed (so it is surely still sleeping when the kill comes, however
loaded the machine) and nothing in the one that resumes."""
import json
import os
import signal

import pytest

from executions.models import Execution, LogEntry, TaskRun
from tests.subprocesses import manage_env, run_manage, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

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


def test_another_process_finishes_a_killed_execution(tmp_path):
    flow_file = tmp_path / "crashy.yaml"
    flow_file.write_text(FLOW)
    first = start_manage("runflow", str(flow_file), env=manage_env(tmp_path, ENV_NAP="PT1H"))
    wait_while_running(first, lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists(),
                       "the Sleep started")
    os.kill(first.pid, signal.SIGKILL)
    first.communicate()

    execution = Execution.objects.get(flow_id="crashy")
    assert execution.state == "RUNNING"
    second = run_manage("runexecution", execution.id, "--json", env=manage_env(tmp_path, ENV_NAP="PT0S"))
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["state"]["current"] == "SUCCESS"

    assert TaskRun.objects.filter(execution=execution).count() == 3
    messages = list(LogEntry.objects.filter(execution_id=execution.id).values_list("message", flat=True))
    assert messages.count("before ran") == 1 and messages.count("after ran") == 1
    nap = TaskRun.objects.get(execution=execution, task_id="nap")
    assert [a["state"]["current"] for a in nap.attempts] == ["KILLED", "SUCCESS"]
