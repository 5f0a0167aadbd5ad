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
    # Kestra keeps only the latest iteration's taskruns, with no loop value.
    count = run.one("count")
    assert count.outputs == {"value": "3"} and count.value is None
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
    assert run.states() == {"loop": ["FAILED"], "count": ["SUCCESS"]}
    assert run.one("loop").outputs == {"iterationCount": 2}
    assert run.logs() == ["Max iterations reached"]


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
    assert run.one("count").outputs == {"value": "3"}
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


def test_each_iteration_logs_though_its_taskruns_are_replaced():
    run = run_flow("""
        id: loop-until-logs
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ outputs.loop.iterationCount >= 3 }}"
            checkFrequency:
              interval: PT0.01S
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "round {{ outputs.loop.iterationCount }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.loop.iterationCount }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert [tr.task_id for tr in run.taskruns] == ["loop", "say", "after"]
    assert run.logs() == ["round 1", "round 2", "round 3"]
    assert run.one("after").outputs == {"value": "3"}


def test_children_of_a_loop_inside_a_foreach_carry_the_foreach_value():
    run = run_flow("""
        id: loop-until-in-foreach
        namespace: tests.flowables
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b]
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ outputs.loop[taskrun.value].iterationCount >= 2 }}"
                checkFrequency:
                  interval: PT0.01S
                tasks:
                  - id: echo
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert sorted(tr.value for tr in run.of("echo")) == ["a", "b"]
    assert sorted(tr.outputs["iterationCount"] for tr in run.of("loop")) == [2, 2]


def test_wait_for_is_loop_until_with_its_defaults():
    """In current Kestra WaitFor is an alias of LoopUntil: a check every minute."""
    from plugins.api.registry import resolve
    from plugins.core.flow.wait_for import LoopUntil

    assert resolve("io.kestra.plugin.core.flow.WaitFor") is LoopUntil
    assert LoopUntil({"id": "l", "type": "x", "condition": "x", "tasks": []})._frequency() == {"interval": "PT1M"}


def test_children_see_the_iteration_number_from_one():
    run = run_flow("""
        id: loop-until-iteration
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ outputs.loop.iterationCount >= 3 }}"
            checkFrequency:
              interval: PT0.01S
            tasks:
              - id: number
                type: io.kestra.plugin.core.log.Log
                message: "iteration {{ taskrun.iteration }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.logs() == ["iteration 1", "iteration 2", "iteration 3"]
