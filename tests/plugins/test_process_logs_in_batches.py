"""plugins.api.process writes a subprocess's output lines as logs in batches, one
INSERT for many lines, never one per line (issue 16: "streams stdout and stderr lines
as logs, in batches"); every line is still there, in order."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from executions.engine.logger import ExecutionLogger
from executions.models import LogEntry
from plugins.api.process import LogBatching, run_process
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

LINES = 100_000


class TaskContext:
    """The part of the engine's run context a process uses: its logger, its metrics and
    its interruption (none here)."""

    def __init__(self, run):
        self.logger = ExecutionLogger(run.execution, run.one("first"), 1)

    def metric(self, kind, name, value, tags=None):
        raise AssertionError("no metric expected")

    def check_interrupted(self):
        return None


def test_a_large_output_is_logged_in_a_few_inserts(tmp_path):
    run = run_flow("""
        id: batches
        namespace: tests.plugins
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: start
    """)
    before = LogEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        result = run_process(TaskContext(run), ["/bin/sh", "-c", f"seq {LINES}; echo done >&2"], cwd=tmp_path,
                             batching=LogBatching(lines=1000, seconds=0.5, stderr_tail_lines=5, kill_grace=1))
    assert result.exit_code == 0 and result.stdout_lines_count == LINES and result.stderr_lines_count == 1
    # one statement a batch: of 1000 lines at least (what came in one read of the pipes)
    inserts = [q for q in queries.captured_queries if "INSERT INTO" in q["sql"] and "logentry" in q["sql"]]
    assert 0 < len(inserts) <= LINES // 1000 + 1
    assert LogEntry.objects.count() - before == LINES + 1
    messages = list(LogEntry.objects.filter(taskrun_id=run.one("first").id, level="INFO")
                    .exclude(message="start").order_by("timestamp", "id").values_list("message", flat=True))
    assert messages[:3] == ["1", "2", "3"] and messages[-1] == str(LINES) and len(messages) == LINES
    assert LogEntry.objects.filter(taskrun_id=run.one("first").id, level="ERROR", message="done").exists()
