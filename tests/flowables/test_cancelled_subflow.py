"""A subflow that ends CANCELLED (here by its flow's `concurrency: behavior: CANCEL`)
is not a failure for its parent: Kestra's ExecutableUtils.guessState passes on only a
FAILED, KILLED, WARNING (or PAUSED) child, so the Subflow taskrun first takes the
child's CANCELLED state, then ends SUCCESS (Subflow.createSubflowExecutionResult)."""
import pytest

from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_cancelled_subflow_ends_its_task_success():
    save("""
        id: single
        namespace: tests.cancelled
        concurrency:
          limit: 1
          behavior: CANCEL
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.5S
    """)
    run = run_flow("""
        id: twice
        namespace: tests.cancelled
        tasks:
          - id: both
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.cancelled
                flowId: single
              - id: second
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.cancelled
                flowId: single
    """)
    calls = [run.one("first"), run.one("second")]
    cancelled = [c for c in calls if c.outputs["state"] == "CANCELLED"]
    assert len(cancelled) == 1
    assert run.state == "SUCCESS"
    call = cancelled[0]
    assert call.state == "SUCCESS"
    assert [h["state"] for h in call.state_history][-2:] == ["CANCELLED", "SUCCESS"]
