import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_allow_failure_with_allow_warning_makes_a_failed_flowable_succeed():
    run = run_flow("""
        id: allow-both
        namespace: tests.flowables
        tasks:
          - id: block
            type: io.kestra.plugin.core.flow.Sequential
            allowFailure: true
            allowWarning: true
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: after
    """)
    assert run.one("boom").state == "FAILED"
    assert run.one("block").state == "SUCCESS"
    assert run.one("after").state == "SUCCESS"
    assert run.state == "SUCCESS"


def test_allow_failure_alone_leaves_a_warning():
    run = run_flow("""
        id: allow-failure-only
        namespace: tests.flowables
        tasks:
          - id: block
            type: io.kestra.plugin.core.flow.Parallel
            allowFailure: true
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
    """)
    assert run.one("block").state == "WARNING"
    assert run.state == "WARNING"
