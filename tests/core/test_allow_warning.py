"""`allowWarning` turns the task's final WARNING into SUCCESS, whatever made it a
warning: a failure `allowFailure` allowed, or `warningOnRetry` after a retry."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_allowed_failure_with_allow_warning_ends_success():
    run = run_flow("""
        id: allow_both
        namespace: tests.core
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            allowFailure: true
            allowWarning: true
    """)
    assert run.one("fail").state == "SUCCESS"
    assert run.state == "SUCCESS"


def test_a_warning_on_retry_with_allow_warning_ends_success():
    run = run_flow("""
        id: retry_warning_allowed
        namespace: tests.core
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ taskrun.attemptsCount < 1 }}"
            allowWarning: true
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 3
              warningOnRetry: true
    """)
    assert run.one("flaky").state == "SUCCESS"
    assert len(run.one("flaky").attempts) == 2


def test_without_allow_warning_an_allowed_failure_stays_a_warning():
    run = run_flow("""
        id: allow_failure_only
        namespace: tests.core
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            allowFailure: true
    """)
    assert run.one("fail").state == "WARNING"
    assert run.state == "WARNING"
