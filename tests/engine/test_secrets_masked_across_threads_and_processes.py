"""A secret never reaches a LogEntry row, whichever thread or process writes the line.
Kestra's RunContextLogger masks the secrets a run context used; here a task on a worker
thread masks what it renders, and a second process (`manage.py runexecution`, as a
cluster process would) masks a secret it never rendered itself but reads back from an
output another process wrote: every secret of the environment is masked everywhere."""
import base64

import pytest

from executions import operations
from executions.engine import masking
from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import LogEntry
from tests.flow_runs import run_flow, save
from tests.subprocesses import manage_env, run_manage

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = "tok-cross-7c1d"


@pytest.fixture(autouse=True)
def _token(monkeypatch):
    monkeypatch.setenv("SECRET_MY_TOKEN", base64.b64encode(TOKEN.encode()).decode())


def _rows(execution_id: str) -> list[str]:
    return list(LogEntry.objects.filter(execution_id=execution_id).values_list("message", flat=True))


def test_lines_of_tasks_on_worker_threads_are_masked():
    run = run_flow("""
        id: worker_threads
        namespace: tests.masking
        tasks:
          - id: templated
            type: io.kestra.plugin.core.templating.TemplatedTask
            spec: |
              type: io.kestra.plugin.core.log.Log
              message: "logged {{ secret('MY_TOKEN') }}"
          - id: failing
            type: io.kestra.plugin.core.storage.LocalFiles
            inputs:
              "../{{ secret('MY_TOKEN') }}": x
    """)
    assert run.state == "FAILED"
    rows = _rows(run.execution.id)
    assert "logged ******" in rows
    assert "inputs: '../******' is outside the working directory" in rows
    assert not any(TOKEN in row for row in rows), rows


def test_a_second_process_masks_a_secret_it_only_read_from_an_output(tmp_path):
    flow = save("""
        id: cross_process
        namespace: tests.masking
        tasks:
          - id: keep
            type: io.kestra.plugin.core.output.OutputValues
            values:
              token: "{{ secret('MY_TOKEN') }}"
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: "refused {{ outputs.keep['values'].token }}"
    """)
    execution = run_to_end(create_execution(flow).id)
    assert execution.state == "FAILED"
    operations.restart(execution.id)  # the Fail runs again, in the other process only
    other = run_manage("runexecution", execution.id, "--timeout", "120", env=manage_env(tmp_path))
    assert other.returncode == 1, other.stderr
    rows = _rows(execution.id)
    assert rows.count("refused ******") == 2, rows
    assert not any(TOKEN in row for row in rows), rows


def test_a_secret_input_is_decrypted_once_not_for_every_log_line(monkeypatch):
    opened = []
    real = masking.decrypt
    monkeypatch.setattr(masking, "decrypt", lambda sealed: opened.append(1) or real(sealed))
    run = run_flow("""
        id: many_lines
        namespace: tests.masking
        inputs:
          - id: password
            type: SECRET
        tasks:
          - id: lines
            type: io.kestra.plugin.core.log.Log
            message: ["{{ inputs.password }} 1", "{{ inputs.password }} 2", "{{ inputs.password }} 3"]
    """, inputs={"password": "hunter2-once"})
    assert run.logs() == ["****** 1", "****** 2", "****** 3"]
    assert len(opened) == 1
