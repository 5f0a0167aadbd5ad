"""A slow server: the read timeout fails the task (Kestra's options.timeout.readIdleTimeout,
and the deprecated options.readTimeout), and so does the task's own `timeout` (its
on_cancel callback closes the connection). A kill mid-download is in
tests/plugins/test_http_cancel_and_schedule.py, which may drive the engine."""
import pytest

from tests.flow_runs import run_flow

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
