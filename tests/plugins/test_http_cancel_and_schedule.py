"""What the HTTP family does with the engine and the scheduler around it (here, since the
family's own tests may not import them): a kill mid-download closes the connection at
once and stores nothing (Kestra's worker kills a running task: RunnableTask#kill); the
Download records Kestra's `response.length` metric; the scheduler polls the HTTP
Trigger under its old name and starts an execution with the response."""
import threading
from collections.abc import Iterator

import pytest

from executions.engine.create import create_execution
from executions.engine.kill import kill_unless_ended
from executions.engine.runner import run_to_end
from executions.models import Execution, MetricEntry, TaskRun
from executions.scheduler.tick import Tick
from flows.services import save_flow
from plugins.http.tests import server
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def http_server(settings, tmp_path) -> Iterator[server.LocalServer]:
    settings.STORAGE_DIR = tmp_path / "storage"
    state = server.start()
    yield state
    server.stop(state)


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


def test_a_download_records_the_response_length_metric(http_server):
    run = run_flow(f"""
id: metric
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/attachment')}
""")
    assert run.state == "SUCCESS", run.logs()
    metric = MetricEntry.objects.get(execution_id=run.execution.id, name="response.length")
    assert metric.value == 8


def test_the_scheduler_starts_an_execution_from_the_old_type_name(http_server):
    save_flow(f"""
id: watcher
namespace: tests.http
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.code }}}}"
triggers:
  - id: http
    type: io.kestra.plugin.fs.http.Trigger
    uri: {http_server.url('/json')}
    interval: PT0S
""")
    [started] = Tick().run()
    execution = Execution.objects.get(pk=started)
    assert execution.trigger["type"] == "io.kestra.plugin.core.http.Trigger"  # the current name, as Kestra records it
    assert execution.trigger["variables"]["code"] == 200
