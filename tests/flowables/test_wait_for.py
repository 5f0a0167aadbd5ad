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


def test_reaching_max_iterations_warns_and_succeeds_by_default():
    run = run_flow("""
        id: loop-until-max
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ false }}"
            checkFrequency:
              interval: PT0.01S
              maxIterations: 3
            tasks:
              - id: count
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.loop.iterationCount }}"
    """)
    assert run.state == "SUCCESS"
    assert sorted(tr.outputs["value"] for tr in run.of("count")) == ["1", "2", "3"]
    assert run.one("loop").outputs == {"iterationCount": 3}
    assert run.logs() == ["Max iterations reached"]


def test_loop_until_has_no_bound_unless_one_is_set():
    """Kestra 0.23 dropped LoopUntil's 100 iterations cap: 150 iterations run here."""
    run = run_flow("""
        id: loop-until-unbounded
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ outputs.loop.iterationCount >= 150 }}"
            checkFrequency:
              interval: PT0.001S
            tasks:
              - id: tick
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.loop.iterationCount }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("loop").outputs == {"iterationCount": 150}
