"""Flow `outputs` as Kestra's executor gives them: typed with the input parsers,
rendered for a FAILED execution too, and a bad value fails the execution with
"Failed to render output values"."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_outputs_are_typed_like_inputs():
    run = run_flow("""
        id: typed_outputs
        namespace: tests.core
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: "2024-01-01T10:00:00+02:00"
        outputs:
          - id: when
            type: DATETIME
            value: "{{ outputs.r.value }}"
          - id: ratio
            type: FLOAT
            value: "1"
          - id: doc
            type: JSON
            value: '{"a": [1]}'
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.execution.outputs == {"when": "2024-01-01T08:00:00Z", "ratio": 1.0, "doc": {"a": [1]}}


def test_a_value_of_the_wrong_type_fails_the_execution_naming_the_output():
    run = run_flow("""
        id: bad_output
        namespace: tests.core
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: abc
        outputs:
          - id: count
            type: INT
            value: "{{ outputs.r.value }}"
    """)
    assert run.state == "FAILED"
    assert run.logs() == ["Failed to render output values: Invalid output 'count': 'abc' is not an INT"]


def test_a_failed_execution_still_gets_its_outputs():
    run = run_flow("""
        id: failed_outputs
        namespace: tests.core
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: partial
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
        outputs:
          - id: got
            type: STRING
            value: "{{ outputs.r.value }}"
    """)
    assert run.state == "FAILED"
    assert run.execution.outputs == {"got": "partial"}
