"""What the JDBC flow tests share: killing a flow while its query runs, and waiting
for the database to show (or stop showing) that query."""
from __future__ import annotations

import threading
from collections.abc import Callable

from executions.engine.create import create_execution
from executions.engine.kill import kill_unless_ended
from executions.engine.runner import run_to_end
from executions.models import Execution
from tests.flow_runs import save


def wait_until(check: Callable[[], bool], attempts: int = 400) -> bool:
    for _ in range(attempts):
        if check():
            return True
        threading.Event().wait(0.05)
    return False


def kill_while_running(source: str, running: Callable[[], bool]) -> Execution:
    """Start the flow, kill it once `running()` says its query runs; its end state."""
    execution = create_execution(save(source), {})
    done: dict[str, Execution] = {}
    runner = threading.Thread(target=lambda: done.setdefault("ex", run_to_end(execution.id, timeout=60)))
    runner.start()
    assert wait_until(running), "the query never started"
    assert kill_unless_ended(execution.id)
    runner.join(60)
    return done["ex"]
