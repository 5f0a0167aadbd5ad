import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_empty_list_succeeds_without_children():
    run = run_flow("""
        id: foreach-empty
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: []
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: x
    """)
    assert run.state == "SUCCESS"
    assert run.of("inner") == []


def test_null_values_fail_the_loop_with_a_message():
    run = run_flow("""
        id: foreach-null
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ null }}"
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: x
    """)
    assert run.state == "FAILED"
    assert any("values" in m for m in run.logs())


def test_values_of_any_type_become_strings_and_key_outputs():
    run = run_flow("""
        id: foreach-types
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, true, {"k": "v"}]
            concurrencyLimit: 0
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: "<{{ taskrun.value }}>"
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.inner['1'].value }}{{ outputs.inner['true'].value }}"
    """)
    assert sorted(t.value for t in run.of("inner")) == ['1', 'true', '{"k":"v"}']
    assert run.one("read").outputs == {"value": "<1><true>"}


def test_loops_nest_three_deep_with_parent_values():
    run = run_flow("""
        id: foreach-nested
        namespace: tests.flowables
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b"]
            tasks:
              - id: middle
                type: io.kestra.plugin.core.flow.ForEach
                values: ["1", "2"]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.flow.EachSequential
                    value: ["x"]
                    tasks:
                      - id: leaf
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ parents[1].taskrun.value }}{{ parent.taskrun.value }}{{ taskrun.value }}"
          - id: pick
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.leaf['b']['2']['x'].value }}"
    """)
    assert run.state == "SUCCESS"
    assert sorted(t.outputs["value"] for t in run.of("leaf")) == ["a1x", "a2x", "b1x", "b2x"]
    assert run.one("pick").outputs == {"value": "b2x"}


def test_a_failed_iteration_stops_new_ones():
    run = run_flow("""
        id: foreach-fail
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["ok", "bad", "later"]
            tasks:
              - id: check
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.value == 'bad' }}"
    """)
    assert run.state == "FAILED"
    assert sorted(t.value for t in run.of("check")) == ["bad", "ok"]


def test_each_parallel_runs_every_value_and_task():
    run = run_flow("""
        id: each-parallel
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.core.tasks.flows.EachParallel
            value: '["a", "b"]'
            tasks:
              - id: t1
                type: io.kestra.plugin.core.debug.Return
                format: "1{{ taskrun.value }}"
              - id: t2
                type: io.kestra.plugin.core.debug.Return
                format: "2{{ taskrun.value }}"
    """)
    assert run.state == "SUCCESS"
    assert len(run.of("t1")) == 2 and len(run.of("t2")) == 2
