"""A slow server: the read timeout fails the task (Kestra's options.timeout.readIdleTimeout,
and the deprecated options.readTimeout), and a kill or the task's own `timeout` closes
the connection at once (its on_cancel callback), leaving no half-written file behind.
Kestra's worker kills a running task likewise (RunnableTask#kill)."""
import threading

import pytest

from executions.engine.create import create_execution
from executions.engine.kill import kill_unless_ended
from executions.engine.runner import run_to_end
from executions.models import Execution, TaskRun
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("timeout", ["timeout:\n        readIdleTimeout: PT0.3S", "readTimeout: PT0.3S"])
def test_a_slow_answer_past_the_read_timeout_fails_the_task(http_server, timeout):
    run = run_flow(f"""
id: slow
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/slow?seconds=20')}
    options:
      {timeout}
""")
    assert run.state == "FAILED"
    assert any("/slow?seconds=20: timed out (ReadTimeout" in line and "readIdleTimeout 0.3s" in line
               for line in run.logs())


def test_the_task_timeout_closes_a_waiting_request(http_server):
    run = run_flow(f"""
id: task-timeout
namespace: tests.http
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: {http_server.url('/slow?seconds=20')}
    timeout: PT0.5S
""")
    assert run.state == "FAILED"
    assert any(line.startswith("Timeout after") for line in run.logs())


def test_a_kill_during_a_download_ends_it_killed_and_stores_nothing(http_server, settings):
    flow = save(f"""
id: killed
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/stall')}
""")
    execution = create_execution(flow, {})
    done: dict[str, Execution] = {}
    runner = threading.Thread(target=lambda: done.setdefault("ex", run_to_end(execution.id, timeout=60)))
    runner.start()
    assert http_server.streaming.wait(30), "the download never started"
    assert kill_unless_ended(execution.id)
    # The server stalls until the test ends: only the kill closing the connection frees
    # the download (its read timeout is 5 minutes).
    assert http_server.client_gone.wait(20), "the kill did not close the connection"
    runner.join(60)
    assert done["ex"].state == "KILLED"
    assert TaskRun.objects.get(execution_id=execution.id, task_id="fetch").state == "KILLED"
    assert not [path for path in settings.STORAGE_DIR.rglob("*") if path.is_file()], "a partial file was left"
