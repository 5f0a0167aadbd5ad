"""A Schedule whose evaluation fails (an input expression that cannot be rendered,
inputs the flow refuses, a condition that cannot be evaluated) creates an execution
FAILED at once with the error in its logs, and the trigger moves on to its next date,
unlocked: the next evaluation happens (Kestra's AbstractScheduler since
kestra-io/kestra#13630; Schedule conditions since #3066)."""
from datetime import timedelta

import pytest

from executions.models import Execution, LogEntry, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

from .conftest import every_second_flow, wait_until_clock_passes

pytestmark = pytest.mark.django_db(transaction=True)

BROKEN_INPUTS = ("{{ nothing.here }}", "not-a-number")
CONDITION = """    conditions:
      - type: io.kestra.plugin.core.condition.Expression
        expression: "{{ nothing.here }}"
"""


def inputs_flow(value: str) -> str:
    return every_second_flow("broken", f"""    inputs:
      count: "{value}"
""").replace("tasks:", "inputs:\n  - id: count\n    type: INT\ntasks:")


def fire_twice() -> list[str]:
    """Two due dates, one after the other; the ids each firing returned."""
    tick = Tick()
    tick.run()
    started = []
    for _ in range(2):
        due = TriggerState.objects.get(flow_id="broken").next_date
        wait_until_clock_passes(due + timedelta(seconds=1))
        started += tick.run()
        state = TriggerState.objects.get(flow_id="broken")
        assert state.next_date > due and state.execution_id is None
    return started


@pytest.mark.parametrize("source", [inputs_flow(value) for value in BROKEN_INPUTS]
                         + [every_second_flow("broken", CONDITION)], ids=["expression", "refused", "condition"])
def test_each_failed_evaluation_is_a_failed_execution_and_the_trigger_goes_on(source):
    save_flow(source)
    started = fire_twice()
    assert len(started) >= 2  # each due date evaluated again, none stuck
    for execution in Execution.objects.filter(pk__in=started):
        assert execution.flow_id == "broken" and execution.state == "FAILED"
        assert [h["state"] for h in execution.state_history] == ["CREATED", "FAILED"]
        assert execution.trigger["id"] == "tick" and execution.inputs == {}
        [line] = LogEntry.objects.filter(execution_id=execution.id)
        assert line.level == "ERROR" and line.message.startswith("Unable to evaluate the trigger 'tick': ")
    assert TriggerState.objects.get(flow_id="broken").last_execution_id in started


def test_the_error_names_the_refused_input():
    save_flow(inputs_flow("not-a-number"))
    [first, *_] = fire_twice()
    assert "count" in LogEntry.objects.get(execution_id=first).message
