import pytest

from flows.spec import FlowInvalid
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_tasks_start_after_their_dependencies():
    run = run_flow("""
        id: dag-order
        namespace: tests.flowables
        tasks:
          - id: graph
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: last
                  type: io.kestra.plugin.core.debug.Return
                  format: "after first"
                dependsOn: [first]
              - task:
                  id: first
                  type: io.kestra.plugin.core.flow.Sleep
                  duration: PT0.1S
    """)
    assert run.state == "SUCCESS"
    assert run.one("last").start_date >= run.one("first").end_date


def test_a_cycle_is_refused_when_saving():
    """Kestra's DagTaskValidator: "Cyclic dependency detected: " and the tasks in a cycle."""
    with pytest.raises(FlowInvalid) as error:
        save("""
            id: dag-cycle
            namespace: tests.flowables
            tasks:
              - id: graph
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task: {id: a, type: io.kestra.plugin.core.debug.Return, format: a}
                    dependsOn: [b]
                  - task: {id: b, type: io.kestra.plugin.core.debug.Return, format: b}
                    dependsOn: [a]
        """)
    assert "Cyclic dependency detected: a, b" in str(error.value)


def test_a_failed_dependency_stops_its_dependents():
    run = run_flow("""
        id: dag-fail
        namespace: tests.flowables
        tasks:
          - id: graph
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task: {id: bad, type: io.kestra.plugin.core.execution.Fail}
              - task: {id: dependent, type: io.kestra.plugin.core.debug.Return, format: x}
                dependsOn: [bad]
    """)
    assert run.state == "FAILED"
    assert run.of("dependent") == []
