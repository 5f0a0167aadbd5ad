"""errorLogs() in an `errors` handler sees the error of a task that failed in the same
executor transaction: a run of lightweight rounds keeps its log lines to insert them
at commit, so the function writes them first (Kestra's ErrorLogsFunction reads the
execution's ERROR logs, io.kestra.core.runners.pebble.functions.ErrorLogsFunction)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_reads_the_error_logged_in_the_same_transaction():
    run = run_flow("""
        id: error_logs_same_round
        namespace: tests.logs
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: the disk is full
        errors:
          - id: report
            type: io.kestra.plugin.core.debug.Return
            format: "{% for log in errorLogs() %}{{ log.taskId }}: {{ log.message }};{% endfor %}"
        """)
    assert run.state == "FAILED"
    assert run.one("report").outputs == {"value": "fail: the disk is full;"}
