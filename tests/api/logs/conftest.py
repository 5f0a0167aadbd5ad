"""Log lines written straight to the database, as the engine's log writer stores them."""
from datetime import timedelta

import pytest

from executions.models import LogEntry

from ..factories import BASE, execution

LINES = [  # (task, level, message), a second apart
    ("hello", "DEBUG", "starting"),
    ("hello", "INFO", "hello world"),
    ("hello", "WARN", "careful"),
    ("bye", "ERROR", "it broke"),
]


def write_lines(execution_id, namespace="company", flow_id="hello", lines=LINES, attempt=0):
    for second, (task, level, message) in enumerate(lines):
        LogEntry.objects.create(execution_id=execution_id, taskrun_id=f"tr-{task}", task_id=task,
                                attempt_number=attempt, namespace=namespace, flow_id=flow_id, level=level,
                                timestamp=BASE + timedelta(seconds=second, milliseconds=120), message=message)


@pytest.fixture
def logged():
    """An ended execution of company.hello with LINES logged."""
    execution("exec1")
    write_lines("exec1")
    return "exec1"
