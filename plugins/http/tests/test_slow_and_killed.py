"""A slow server: the read timeout fails the task (Kestra's options.timeout.readIdleTimeout,
and the deprecated options.readTimeout), and so does the task's own `timeout` (its
on_cancel callback closes the connection). A kill mid-download is in
tests/plugins/test_http_cancel_and_schedule.py, which may drive the engine."""
import threading
from pathlib import Path

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def no_file_left(folder: Path) -> bool:
    """Whether `folder` holds no file, once the abandoned task thread (the worker stops
    waiting for it at the timeout) has had time to remove its partial file."""
    for _ in range(200):
        if not [path for path in folder.rglob("*") if path.is_file()]:
            return True
        threading.Event().wait(0.05)
    return False


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


def test_the_task_timeout_closes_a_stalled_download(http_server, settings):
    run = run_flow(f"""
id: task-timeout
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/stall')}
    timeout: PT1S
""")
    assert run.state == "FAILED"
    assert any(line.startswith("Timeout after") for line in run.logs())
    # The server stalls until the test ends: only the timeout's callback closing the
    # connection lets it see the client leave (the read timeout is 5 minutes).
    assert http_server.client_gone.wait(20), "the timeout did not close the connection"
    assert no_file_left(settings.STORAGE_DIR), "a partial file was left"
