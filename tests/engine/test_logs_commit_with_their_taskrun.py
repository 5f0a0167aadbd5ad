"""A task's log lines commit with its end: kill the process mid-execution and every
taskrun recorded as ended has each of its lines once, none lost and none left over
from tasks whose end was lost. (The executor inserts the lines of its lightweight
tasks in the transaction that records their states; Kestra's logs are part of the
execution's record, shown per taskrun in the UI's Logs tab.)

Nothing here depends on timing: the Sleep lasts an hour, the process is killed while
it sleeps."""
import os
import signal

import pytest

from executions.models import Execution, LogEntry, TaskRun
from tests.subprocesses import manage_env, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

LOGS = "".join(f"  - id: log{i}\n    type: io.kestra.plugin.core.log.Log\n    message: line {i}\n" for i in range(30))
FLOW = f"""id: logs_then_nap
namespace: tests.logs
tasks:
{LOGS}  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT1H
"""


def test_every_ended_taskrun_has_its_lines_after_a_kill(tmp_path):
    flow_file = tmp_path / "logs_then_nap.yaml"
    flow_file.write_text(FLOW)
    process = start_manage("runflow", str(flow_file), env=manage_env(tmp_path))
    wait_while_running(process, lambda: TaskRun.objects.filter(task_id="nap", state="RUNNING").exists(),
                       "the Sleep started")
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()

    execution = Execution.objects.get(flow_id="logs_then_nap")
    ended = TaskRun.objects.filter(execution=execution, task_id__startswith="log", state="SUCCESS")
    assert ended.count() == 30
    for taskrun in ended:
        lines = list(LogEntry.objects.filter(taskrun_id=taskrun.id).values_list("message", flat=True))
        assert lines == [f"line {taskrun.task_id[3:]}"]
    assert LogEntry.objects.filter(execution_id=execution.id, task_id__startswith="log").count() == 30
