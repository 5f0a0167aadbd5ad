import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_switch_without_match_or_defaults_fails_naming_the_value():
    run = run_flow("""
        id: switch-nomatch
        namespace: tests.flowables
        tasks:
          - id: route
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ 'ZZZ' }}"
            cases:
              A:
                - id: a
                  type: io.kestra.plugin.core.debug.Return
                  format: a
    """)
    assert run.state == "FAILED"
    assert any("ZZZ" in m for m in run.logs())


def test_switch_outputs_its_value_and_matches_numbers_as_strings():
    run = run_flow("""
        id: switch-number
        namespace: tests.flowables
        tasks:
          - id: route
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ 1 + 1 }}"
            cases:
              2:
                - id: two
                  type: io.kestra.plugin.core.debug.Return
                  format: two
    """)
    assert run.state == "SUCCESS"
    assert run.one("route").outputs == {"value": "2", "defaults": False}
    assert run.one("two").state == "SUCCESS"


def test_if_without_else_and_false_condition_succeeds_empty():
    run = run_flow("""
        id: if-empty
        namespace: tests.flowables
        tasks:
          - id: check
            type: io.kestra.plugin.core.flow.If
            condition: "{{ false }}"
            then:
              - id: never
                type: io.kestra.plugin.core.debug.Return
                format: never
    """)
    assert run.state == "SUCCESS"
    assert run.of("never") == []


def test_local_errors_of_if_run_on_failure():
    run = run_flow("""
        id: if-errors
        namespace: tests.flowables
        tasks:
          - id: check
            type: io.kestra.plugin.core.flow.If
            condition: "true"
            then:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
            errors:
              - id: handled
                type: io.kestra.plugin.core.log.Log
                message: handled
    """)
    assert run.state == "FAILED"
    assert run.one("handled").state == "SUCCESS"


def test_if_exposes_its_evaluation_result_as_an_output():
    run = run_flow("""
        id: if-output
        namespace: tests.flowables
        tasks:
          - id: check
            type: io.kestra.plugin.core.flow.If
            condition: "{{ 1 == 2 }}"
            then:
              - id: yes
                type: io.kestra.plugin.core.debug.Return
                format: "yes"
            else:
              - id: no
                type: io.kestra.plugin.core.debug.Return
                format: "no {{ parent.outputs.evaluationResult }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.check.evaluationResult }}"
    """)
    assert run.state == "SUCCESS"
    assert run.one("check").outputs == {"evaluationResult": False}
    assert run.one("no").outputs == {"value": "no false"}
    assert run.one("after").outputs == {"value": "false"}
