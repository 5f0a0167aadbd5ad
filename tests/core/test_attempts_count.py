"""`taskrun.attemptsCount` counts the attempts made before the running one, as in
Kestra (0 on the first try): a flow that succeeds "on the third attempt" with
`attemptsCount == 2` must not succeed one attempt early."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_is_zero_on_the_first_attempt():
    run = run_flow("""
        id: first
        namespace: tests.core
        tasks:
          - id: ret
            type: io.kestra.plugin.core.debug.Return
            format: "{{ taskrun.attemptsCount }}"
    """)
    assert run.one("ret").outputs == {"value": "0"}


def test_it_counts_earlier_attempts_on_each_retry():
    run = run_flow("""
        id: flaky
        namespace: tests.core
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ taskrun.attemptsCount < 2 }}"
            errorMessage: "attempt {{ taskrun.attemptsCount }}"
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 5
    """)
    assert run.state == "SUCCESS", run.logs()
    assert [a["state"]["current"] for a in run.one("flaky").attempts] == ["FAILED", "FAILED", "SUCCESS"]
    assert run.logs() == ["attempt 0", "attempt 1"]


def test_a_task_never_sees_its_maximum_attempt_count():
    """Kestra's own allow-failure-with-retry flow: `attemptsCount == 3` with three
    attempts in all is never true, so every attempt fails."""
    run = run_flow("""
        id: never
        namespace: tests.core
        tasks:
          - id: failing
            type: io.kestra.plugin.core.log.Log
            message: "{{ taskrun.attemptsCount == 3 ? 'success' : ko }}"
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 3
    """)
    assert run.state == "FAILED"
    assert len(run.one("failing").attempts) == 3
