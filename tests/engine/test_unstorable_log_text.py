"""A script's output may hold bytes no database column takes as they are: PostgreSQL
keeps no NUL in text and no lone surrogate in UTF-8. Its log lines are still written,
with U+FFFD in their place, on SQLite and PostgreSQL alike, and the task succeeds."""
import pytest

from executions.engine.logger import ExecutionLogger
from executions.models import LogEntry
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_script_printing_a_nul_byte_logs_its_line():
    run = run_flow("""
        id: unstorable
        namespace: tests.engine
        tasks:
          - id: say
            type: io.kestra.plugin.scripts.shell.Commands
            commands:
              - printf 'before\\0after\\n'
    """)
    assert run.execution.state == "SUCCESS"
    messages = list(LogEntry.objects.filter(execution_id=run.execution.id).values_list("message", flat=True))
    assert "before\ufffdafter" in messages


def test_a_logged_nul_or_lone_surrogate_is_replaced_one_line_or_many():
    run = run_flow("""
        id: unstorable-lines
        namespace: tests.engine
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: start
    """)
    logger = ExecutionLogger(run.execution, run.one("first"), 1)
    logger.info("one\x00line \ud800")
    logger.lines([("INFO", "many\x00lines \udcff", run.execution.start_date)])
    messages = set(LogEntry.objects.filter(execution_id=run.execution.id).values_list("message", flat=True))
    assert {"one\ufffdline \ufffd", "many\ufffdlines \ufffd"} <= messages
