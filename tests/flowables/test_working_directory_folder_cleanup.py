"""A WorkingDirectory's folder is removed however the directory ends: killed, or failed
while keeping its files, not only once its tasks succeeded.

Kestra's Worker.handleTask cleans the working directory's run context in a `finally`
once the directory ended, whatever happened (runContext.cleanup()).
"""
from pathlib import Path

import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import TaskRun
from plugins.api.flowable import SHARED_FOLDER_MEMO
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_killed_directory_removes_its_folder():
    flow = save("""
        id: wd-killed
        namespace: tests.flowables
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT30S
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="nap", state="RUNNING").exists())
    folder = Path(TaskRun.objects.get(execution=execution, task_id="wd").memo[SHARED_FOLDER_MEMO])
    assert folder.is_dir()
    operations.kill(execution.id)
    thread.join(30)
    assert result["execution"].state == "KILLED"
    assert TaskRun.objects.get(execution=execution, task_id="wd").state == "KILLED"
    assert not folder.exists()


def test_a_directory_failing_to_keep_its_output_files_removes_its_folder():
    run = run_flow("""
        id: wd-output-fails
        namespace: tests.flowables
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            outputFiles:
              - "{{ nowhere.defined }}"
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: ok
    """)
    assert run.state == "FAILED"
    assert run.one("inside").state == "SUCCESS"
    assert any(m.startswith("Failed postExecuteTasks on WorkingDirectory: ") and "nowhere" in m for m in run.logs())
    assert not Path(run.one("wd").memo[SHARED_FOLDER_MEMO]).exists()
