"""LoopUntil's checkFrequency values may be expressions: Kestra's LoopUntil.CheckFrequency
declares them Property<Integer> / Property<Duration> and renders each
(`runContext.render(...).as(...)`) before use, each positive. A value that renders to
something else fails the task with a message naming the property."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: loop_frequency
    namespace: tests.loop
    inputs:
      - id: max
        type: STRING
      - id: every
        type: STRING
        defaults: PT0.01S
      - id: longest
        type: STRING
        defaults: PT1H
    tasks:
      - id: loop
        type: io.kestra.plugin.core.flow.LoopUntil
        condition: "{{ false }}"
        failOnMaxReached: true
        checkFrequency:
          maxIterations: "{{ inputs.max }}"
          maxDuration: "{{ inputs.longest }}"
          interval: "{{ inputs.every }}"
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "iteration {{ taskrun.iteration }}"
"""


def test_rendered_values_bound_and_pace_the_loop():
    run = run_flow(FLOW, {"max": "3"})
    assert run.state == "FAILED"  # failOnMaxReached
    assert run.one("loop").outputs == {"iterationCount": 3}
    assert [line for line in run.logs() if line.startswith("iteration")] == [
        "iteration 1", "iteration 2", "iteration 3"]
    assert "Max iterations reached" in run.logs()


@pytest.mark.parametrize("inputs, named", [
    ({"max": "three"}, "checkFrequency.maxIterations must be a positive integer, got 'three'"),
    ({"max": "0"}, "checkFrequency.maxIterations must be a positive integer, got '0'"),
    ({"max": "5", "every": "soon"}, "checkFrequency.interval"),
    ({"max": "5", "every": "PT0S"}, "checkFrequency.interval must be a positive duration"),
    ({"max": "5", "longest": "an hour"}, "checkFrequency.maxDuration"),
])
def test_a_value_that_renders_invalid_fails_the_task_naming_it(inputs, named):
    run = run_flow(FLOW, inputs)
    assert run.state == "FAILED"
    assert run.one("loop").state == "FAILED"
    assert any(f"LoopUntil 'loop': {named}" in line for line in run.logs()), run.logs()
