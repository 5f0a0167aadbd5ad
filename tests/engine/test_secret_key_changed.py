"""An execution whose SECRET inputs were sealed under another SECRET_KEY: `runexecution`
fails the task that would need them, with a log naming the input and the cause, and
ends instead of hanging. Kestra's EncryptionService fails the same way when its
encryption key changes: the value cannot be read back, and the task using it fails."""
import pytest

from executions.engine.create import create_execution
from executions.models import Execution, LogEntry, TaskRun
from tests.flow_runs import save
from tests.subprocesses import manage_env, run_manage

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: sealed
namespace: tests.secretkey
inputs:
  - id: password
    type: SECRET
tasks:
  - id: first
    type: {first}
    {property}
  - id: later
    type: io.kestra.plugin.core.log.Log
    message: never
"""
FIRST_TASKS = {
    "in the executor": ("io.kestra.plugin.core.log.Log", 'message: "{{ inputs.password }}"'),
    "on a worker": ("io.kestra.plugin.core.flow.Sleep", "duration: PT0S"),
}


@pytest.mark.parametrize("where", FIRST_TASKS)
def test_runexecution_under_another_secret_key_fails_with_a_log_naming_the_input(tmp_path, where):
    first, prop = FIRST_TASKS[where]
    flow = save(FLOW.format(first=first, property=prop))
    execution = create_execution(flow, {"password": "hunter2"})

    proc = run_manage("runexecution", execution.id, "--timeout", "120",
                      env=manage_env(tmp_path, SECRET_KEY="a-different-key"))

    assert proc.returncode == 1, proc.stderr
    assert Execution.objects.get(pk=execution.id).state == "FAILED"
    assert TaskRun.objects.get(execution_id=execution.id, task_id="first").state == "FAILED"
    assert not TaskRun.objects.filter(execution_id=execution.id, task_id="later").exists()
    errors = list(LogEntry.objects.filter(execution_id=execution.id, level="ERROR").values_list("message", flat=True))
    assert errors == ["SECRET input 'password' cannot be decrypted: the execution was stored under another "
                      "SECRET_KEY (or KESTRAWEB_ENCRYPTION_SECRET_KEY) than this process's"]
