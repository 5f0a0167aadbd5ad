"""Ctrl-C stops `runflow` at once, without a traceback, and leaves an execution that
`runexecution` finishes: as when Kestra's worker is stopped, the task it was running
is run again by the next worker (Kestra's Worker resubmits the WorkerTaskRunning of a
worker that went away)."""
import json
import signal

import pytest

from executions.management.report import INTERRUPTED_EXIT
from executions.models import Execution, TaskRun
from tests.subprocesses import manage_env, run_manage, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: napper
namespace: tests.interrupt
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: "{{ envs.nap }}"
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: after ran
"""


def test_ctrl_c_stops_runflow_and_runexecution_finishes_the_execution(tmp_path):
    flow_file = tmp_path / "napper.yaml"
    flow_file.write_text(FLOW)
    proc = start_manage("runflow", str(flow_file), env=manage_env(tmp_path, ENV_NAP="PT1H"))
    wait_while_running(proc, lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists(),
                       "the Sleep started")
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)  # an hour's Sleep: returning at all means it did not wait

    execution = Execution.objects.get(flow_id="napper")
    assert proc.returncode == INTERRUPTED_EXIT
    assert "Traceback" not in stderr
    assert stderr.strip() == (f"Interrupted: execution {execution.id} is left unfinished; "
                              f"`python manage.py runexecution {execution.id}` finishes it.")
    assert execution.state == "RUNNING"

    resumed = run_manage("runexecution", execution.id, "--json", env=manage_env(tmp_path, ENV_NAP="PT0S"))
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["state"]["current"] == "SUCCESS"
    assert [t.state for t in TaskRun.objects.filter(execution=execution).order_by("seq")] == ["SUCCESS", "SUCCESS"]
