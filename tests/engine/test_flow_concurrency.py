"""A flow's `concurrency`: a paused execution keeps its slot; the next one is queued,
cancelled or failed as `behavior` says, and queued ones start first in, first out."""
from datetime import datetime

import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def limited_flow(behavior: str):
    return save(f"""
        id: limited-{behavior.lower()}
        namespace: tests.concurrency
        concurrency:
          limit: 1
          behavior: {behavior}
        inputs:
          - id: hold
            type: BOOLEAN
            defaults: false
        tasks:
          - id: gate
            type: io.kestra.plugin.core.flow.If
            condition: "{{{{ inputs.hold }}}}"
            then:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
          - id: work
            type: io.kestra.plugin.core.debug.Return
            format: "{{{{ execution.id }}}}"
    """)


def state_of(execution_id):
    return Execution.objects.get(pk=execution_id).state


def running_since(execution) -> datetime:
    date = next(h["date"] for h in execution.state_history if h["state"] == "RUNNING")
    return datetime.fromisoformat(date.replace("Z", "+00:00"))


def start_holding(flow):
    holder = create_execution(flow, {"hold": "true"})
    thread, _ = run_in_background(holder.id)
    wait_for(lambda: state_of(holder.id) == "PAUSED")
    return holder, thread


@pytest.mark.parametrize("behavior, ending", [("CANCEL", "CANCELLED"), ("FAIL", "FAILED")])
def test_an_execution_over_the_limit_ends_without_running_a_task(behavior, ending):
    flow = limited_flow(behavior)
    holder, thread = start_holding(flow)
    extra = create_execution(flow)
    extra_thread, result = run_in_background(extra.id)
    extra_thread.join(30)
    assert result["execution"].state == ending
    assert [h["state"] for h in result["execution"].state_history] == ["CREATED", ending]
    assert not TaskRun.objects.filter(execution_id=extra.id).exists()
    operations.resume(holder.id)
    thread.join(30)
    assert state_of(holder.id) == "SUCCESS"


def test_queued_executions_wait_for_the_slot_and_start_in_order():
    flow = limited_flow("QUEUE")
    holder, thread = start_holding(flow)
    first = create_execution(flow)
    second = create_execution(flow)
    waiting = [run_in_background(second.id), run_in_background(first.id)]  # started out of order on purpose
    wait_for(lambda: state_of(first.id) == "QUEUED" and state_of(second.id) == "QUEUED")
    assert not TaskRun.objects.filter(execution_id__in=[first.id, second.id]).exists()
    operations.resume(holder.id)
    for waiter, _ in [(thread, None), *waiting]:
        waiter.join(30)
    runs = {ex.id: ex for ex in Execution.objects.filter(pk__in=[holder.id, first.id, second.id])}
    assert {ex.state for ex in runs.values()} == {"SUCCESS"}
    assert [h["state"] for h in runs[first.id].state_history][:3] == ["CREATED", "QUEUED", "RUNNING"]
    # one slot: each starts only once the one before it has ended
    assert running_since(runs[first.id]) >= runs[holder.id].end_date
    assert running_since(runs[second.id]) >= runs[first.id].end_date


def test_a_flow_without_concurrency_runs_everything_at_once():
    flow = save("""
        id: unlimited
        namespace: tests.concurrency
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
    """)
    executions = [create_execution(flow) for _ in range(2)]
    threads = [run_in_background(ex.id)[0] for ex in executions]
    wait_for(lambda: all(state_of(ex.id) == "PAUSED" for ex in executions))
    for ex in executions:
        operations.resume(ex.id)
    for thread in threads:
        thread.join(30)
    assert all(state_of(ex.id) == "SUCCESS" for ex in executions)
