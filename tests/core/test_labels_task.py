"""The Labels task as Kestra's: an expression rendering to a JSON map is accepted,
values print as Java prints them, and `system.` labels are refused."""
import pytest

from tests.flow_runs import run_flow, user_labels

pytestmark = pytest.mark.django_db(transaction=True)


def _labels(run):
    return {item["key"]: item["value"] for item in user_labels(run.execution.labels)}


def test_an_expression_rendering_to_a_json_map_sets_labels():
    run = run_flow("""
        id: labels_expr
        namespace: tests.core
        tasks:
          - id: vals
            type: io.kestra.plugin.core.output.OutputValues
            values:
              m: {customer: c1}
          - id: labels
            type: io.kestra.plugin.core.execution.Labels
            labels: "{{ outputs.vals.values.m | toJson }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert _labels(run) == {"customer": "c1"}


def test_values_that_are_not_text_print_as_java_does():
    run = run_flow("""
        id: labels_typed
        namespace: tests.core
        tasks:
          - id: labels
            type: io.kestra.plugin.core.execution.Labels
            labels:
              flag: true
              ratio: 1.5
              obj: {a: "{{ 1 + 1 }}"}
    """)
    assert run.state == "SUCCESS", run.logs()
    assert _labels(run) == {"flag": "true", "ratio": "1.5", "obj": '{"a":"2"}'}


def test_system_labels_are_refused():
    run = run_flow("""
        id: labels_system
        namespace: tests.core
        tasks:
          - id: labels
            type: io.kestra.plugin.core.execution.Labels
            labels:
              - key: system.correlationId
                value: forged
    """)
    assert run.state == "FAILED"
    assert {"key": "system.correlationId", "value": run.execution.id} in run.execution.labels
    assert run.logs() == ["System labels can only be set by Kestra itself, "
                          "offending label: system.correlationId=forged"]
