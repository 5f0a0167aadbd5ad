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


def test_after_a_failure_an_iteration_under_way_runs_no_further_task():
    run = run_flow("""
        id: foreach-fail-concurrent
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["slow", "bad"]
            concurrencyLimit: 0
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.Sleep
                duration: "{{ taskrun.value == 'slow' ? 'PT0.3S' : 'PT0S' }}"
              - id: check
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ taskrun.value == 'bad' }}"
              - id: last
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}"
            errors:
              - id: handler
                type: io.kestra.plugin.core.debug.Return
                format: handled
    """)
    assert run.state == "FAILED"
    assert sorted(t.value for t in run.of("first")) == ["bad", "slow"]
    assert [t.value for t in run.of("check")] == ["bad"]
    assert run.of("last") == []
    assert run.one("handler").state == "SUCCESS"
    assert run.one("loop").state == "FAILED"


def test_a_repeated_value_is_one_iteration():
    run = run_flow("""
        id: foreach-duplicates
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "a", "b"]
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}"
    """)
    assert run.state == "SUCCESS"
    assert [t.value for t in run.of("inner")] == ["a", "b"]
    assert run.one("loop").memo["values"] == ["a", "b"]


def test_a_disabled_first_task_does_not_break_the_concurrency_limit():
    run = run_flow("""
        id: foreach-disabled-first
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "c"]
            concurrencyLimit: 2
            tasks:
              - id: skipped
                type: io.kestra.plugin.core.execution.Fail
                disabled: true
              - id: wait
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.2S
    """)
    assert run.state == "SUCCESS"
    waits = {t.value: t for t in run.of("wait")}
    assert sorted(waits) == ["a", "b", "c"]
    # two at once: a and b overlap, c starts only after one of them ended
    assert waits["a"].start_date < waits["b"].end_date and waits["b"].start_date < waits["a"].end_date
    assert waits["c"].start_date >= min(waits["a"].end_date, waits["b"].end_date)


def test_a_null_among_the_values_fails_the_loop_before_any_iteration():
    run = run_flow("""
        id: foreach-null-item
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: '["a", null]'
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}"
    """)
    assert run.state == "FAILED"
    assert run.of("inner") == []
    assert any("null values" in m for m in run.logs())


def test_taskrun_iteration_is_the_position_of_the_value():
    run = run_flow("""
        id: foreach-iteration
        namespace: tests.flowables
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "a", "c"]
            tasks:
              - id: direct
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}={{ taskrun.iteration }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert sorted(tr.outputs["value"] for tr in run.of("direct")) == ["a=0", "b=1", "c=2"]
