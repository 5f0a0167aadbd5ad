"""Kestra 1.x ends every flowable as soon as a child failed and its `errors`/`finally`
branches ended, without waiting for the children still running: FlowableUtils.resolveState
looks only at the failure (Execution.hasFailed) and the handlers
(Execution.findTaskDependingFlowState), for ForEach / EachParallel with concurrency as
for Dag (kestra-io/kestra#10747). The children still running take the ended flowable's
state. Here the sibling is a Pause without a delay, which would wait for ever: the flow
ends only if its flowable does not wait for it."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

ITERATION = """
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                runIf: "{{ taskrun.value == 'slow' }}"
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.value == 'bad' }}"
"""


def _loop(type_and_limit: str) -> str:
    return f"""
        id: loop_failure
        namespace: tests.flowables
        tasks:
          - id: loop
            {type_and_limit}
            tasks:{ITERATION}
            errors:
              - id: handled
                type: io.kestra.plugin.core.log.Log
                message: handled
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: never
    """


@pytest.mark.parametrize("type_and_limit", [
    "type: io.kestra.plugin.core.flow.ForEach\n            values: [slow, bad]\n            concurrencyLimit: 0",
    "type: io.kestra.plugin.core.flow.ForEach\n            values: [slow, bad]\n            concurrencyLimit: 2",
    "type: io.kestra.plugin.core.flow.EachParallel\n            value: [slow, bad]",
])
def test_a_failed_iteration_ends_the_loop_without_waiting_for_the_others(type_and_limit):
    run = run_flow(_loop(type_and_limit))
    assert run.state == "FAILED"
    assert run.one("loop").state == "FAILED"
    assert run.one("handled").state == "SUCCESS"
    assert run.of("after") == []
    waits = {tr.value: tr.state for tr in run.of("wait")}
    assert waits == {"slow": "FAILED", "bad": "SKIPPED"}  # the waiting one took the loop's state
    assert {tr.value: tr.state for tr in run.of("boom")}["bad"] == "FAILED"


def test_a_failed_task_ends_the_dag_without_waiting_for_the_others():
    run = run_flow("""
        id: dag_failure
        namespace: tests.flowables
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: wait
                  type: io.kestra.plugin.core.flow.Pause
              - task:
                  id: boom
                  type: io.kestra.plugin.core.execution.Fail
              - task:
                  id: next
                  type: io.kestra.plugin.core.debug.Return
                  format: never
                dependsOn: [wait]
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: cleanup
    """)
    assert run.state == "FAILED"
    assert run.states() == {"dag": ["FAILED"], "wait": ["FAILED"], "boom": ["FAILED"], "cleanup": ["SUCCESS"]}


def test_a_sequential_for_each_still_stops_at_the_failed_iteration():
    """ForEach without concurrency (Kestra's resolveSequentialNexts): no iteration after
    the failed one starts."""
    run = run_flow(_loop("type: io.kestra.plugin.core.flow.ForEach\n            values: [bad, slow]"))
    assert run.state == "FAILED"
    assert run.of("wait")[0].state == "SKIPPED" and len(run.of("wait")) == 1
