"""Ctrl-C of `runflow` while a Subflow's child execution runs: `runexecution PARENT_ID`
then finishes the child and the parent. Kestra's executor carries every execution
forward, a subflow's too, and the Subflow task ends once its child ended
(ExecutableUtils.subflowExecutionResult); the worker that went away has its task run
again (Worker resubmitting a dead worker's WorkerTaskRunning)."""
import json
import signal

import pytest

from executions.management.report import INTERRUPTED_EXIT
from executions.models import Execution, TaskRun
from tests.subprocesses import manage_env, run_manage, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
id: napping_child
namespace: tests.interrupt
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: "{{ envs.nap }}"
outputs:
  - id: done
    type: STRING
    value: rested
"""

PARENT = """
id: calling_parent
namespace: tests.interrupt
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: tests.interrupt
    flowId: napping_child
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: "child said {{ outputs.call.outputs.done }}"
"""


def test_runexecution_of_the_parent_finishes_the_child_and_the_parent(tmp_path):
    (tmp_path / "child.yaml").write_text(CHILD)
    (tmp_path / "parent.yaml").write_text(PARENT)
    assert run_manage("loadflows", str(tmp_path / "child.yaml"), env=manage_env(tmp_path)).returncode == 0
    proc = start_manage("runflow", str(tmp_path / "parent.yaml"), env=manage_env(tmp_path, ENV_NAP="PT1H"))
    wait_while_running(proc, lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists(),
                       "the child's Sleep started")
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=60)  # an hour's Sleep: returning at all means it did not wait
    assert proc.returncode == INTERRUPTED_EXIT

    parent = Execution.objects.get(flow_id="calling_parent")
    child = Execution.objects.get(flow_id="napping_child")
    assert (parent.state, child.state) == ("RUNNING", "RUNNING")

    resumed = run_manage("runexecution", parent.id, "--json", "--timeout", "60",
                         env=manage_env(tmp_path, ENV_NAP="PT0S"))
    assert resumed.returncode == 0, resumed.stderr
    body = json.loads(resumed.stdout)
    assert body["id"] == parent.id and body["state"]["current"] == "SUCCESS"
    assert Execution.objects.get(pk=child.id).state == "SUCCESS"
    assert "child said rested" in [log["message"] for log in body["logs"]]
