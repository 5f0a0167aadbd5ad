"""A date whose execution cannot be created (an input expression that cannot be
rendered, inputs the flow refuses) is skipped and the trigger moves on: the scheduler
neither stops nor retries that date for ever (Kestra creates such an execution FAILED,
so the date is not evaluated again)."""
from datetime import timedelta

import pytest

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

from .conftest import every_second_flow, wait_until_clock_passes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("inputs", ['{{ nothing.here }}', "not-a-number"])
def test_the_date_is_skipped_and_the_next_one_awaited(inputs):
    save_flow(every_second_flow("broken", f"""    inputs:
      count: "{inputs}"
""").replace("tasks:", "inputs:\n  - id: count\n    type: INT\ntasks:"))
    tick = Tick()
    tick.run()
    due = TriggerState.objects.get(flow_id="broken").next_date
    wait_until_clock_passes(due + timedelta(seconds=1))
    assert tick.run() == []
    state = TriggerState.objects.get(flow_id="broken")
    assert state.next_date > due and state.execution_id is None
    assert not Execution.objects.exists()
