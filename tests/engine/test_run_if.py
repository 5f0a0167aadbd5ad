import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_run_if_false_skips_and_an_unrenderable_run_if_fails():
    run = run_flow("""
        id: run-if
        namespace: tests.engine
        tasks:
          - id: skipped
            type: io.kestra.plugin.core.log.Log
            runIf: "{{ 1 == 2 }}"
            message: never
          - id: ran
            type: io.kestra.plugin.core.log.Log
            runIf: "true"
            message: ran
          - id: broken
            type: io.kestra.plugin.core.log.Log
            runIf: "{{ undefined_thing }}"
            message: never
    """)
    assert run.states() == {"skipped": ["SKIPPED"], "ran": ["SUCCESS"], "broken": ["FAILED"]}
    assert run.state == "FAILED"
    assert any("undefined_thing" in m for m in run.logs())
