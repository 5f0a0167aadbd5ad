import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("policy", [
    "type: constant\n              interval: PT0.05S",
    "type: exponential\n              interval: PT0.01S\n              maxInterval: PT0.05S",
    "type: random\n              minInterval: PT0.01S\n              maxInterval: PT0.05S",
])
def test_it_makes_max_attempt_attempts_in_one_taskrun(policy):
    run = run_flow(f"""
        id: retry
        namespace: tests.engine
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            retry:
              {policy}
              maxAttempt: 3
    """)
    flaky = run.one("flaky")
    assert run.state == "FAILED"
    assert flaky.state == "FAILED"
    assert [a["state"]["current"] for a in flaky.attempts] == ["FAILED"] * 3
    assert "RETRYING" in [h["state"] for h in flaky.state_history]


def test_max_duration_bounds_the_attempts():
    run = run_flow("""
        id: retry-duration
        namespace: tests.engine
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            retry:
              type: constant
              interval: PT0.2S
              maxDuration: PT0.3S
    """)
    assert len(run.one("flaky").attempts) == 2
