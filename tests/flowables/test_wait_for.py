import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_repeats_until_the_condition_holds():
    run = run_flow("""
        id: wait-for
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.WaitFor
            condition: "{{ outputs.count.value == '3' }}"
            checkFrequency:
              interval: PT0.01S
            tasks:
              - id: count
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.loop.iterationCount }}"
    """)
    assert run.state == "SUCCESS"
    assert len(run.of("count")) == 3
    assert run.one("loop").outputs == {"iterationCount": 3}


def test_reaching_max_iterations_fails_when_asked():
    run = run_flow("""
        id: wait-for-max
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.WaitFor
            condition: "false"
            failOnMaxReached: true
            checkFrequency:
              interval: PT0.01S
              maxIterations: 2
            tasks:
              - id: count
                type: io.kestra.plugin.core.debug.Return
                format: x
    """)
    assert run.state == "FAILED"
    assert len(run.of("count")) == 2
