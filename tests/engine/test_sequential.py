import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_runs_tasks_in_order_and_passes_outputs_along():
    run = run_flow("""
        id: chain
        namespace: tests.engine
        tasks:
          - id: a
            type: io.kestra.plugin.core.debug.Return
            format: "1"
          - id: b
            type: io.kestra.core.tasks.debugs.Return
            format: "{{ outputs.a.value }}2"
          - id: c
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.b.value }}3"
    """)
    assert run.state == "SUCCESS"
    assert [t.task_id for t in run.taskruns] == ["a", "b", "c"]
    assert run.one("c").outputs == {"value": "123"}
    assert all(t.start_date <= t.end_date for t in run.taskruns)
    assert [h["state"] for h in run.execution.state_history] == ["CREATED", "RUNNING", "SUCCESS"]


def test_it_skips_disabled_tasks():
    run = run_flow("""
        id: disabled
        namespace: tests.engine
        tasks:
          - id: off
            type: io.kestra.plugin.core.debug.Return
            format: never
            disabled: true
          - id: on
            type: io.kestra.plugin.core.debug.Return
            format: yes
    """)
    assert run.state == "SUCCESS"
    assert run.of("off") == []


def test_a_failure_stops_the_flow_and_names_the_error():
    run = run_flow("""
        id: stops
        namespace: tests.engine
        tasks:
          - id: boom
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: "bad {{ flow.id }}"
          - id: never
            type: io.kestra.plugin.core.debug.Return
            format: never
    """)
    assert run.state == "FAILED"
    assert run.one("boom").state == "FAILED"
    assert run.of("never") == []
    assert "bad stops" in run.logs()
