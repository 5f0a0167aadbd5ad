"""A retry with neither `maxAttempt` nor `maxDuration` has no bound: Kestra's
TaskRun.nextRetryDate returns null only when a bound that is set is reached, so the
task is retried until it succeeds (AbstractRetry leaves both optional)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("policy", [
    "type: constant\n              interval: PT0.02S",
    "type: exponential\n              interval: PT0.01S\n              maxInterval: PT0.02S",
    "type: random\n              minInterval: PT0.01S\n              maxInterval: PT0.02S",
])
def test_it_retries_until_the_task_succeeds(policy):
    run = run_flow(f"""
        id: unbounded
        namespace: tests.engine
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{{{ taskrun.attemptsCount < 4 }}}}"
            retry:
              {policy}
    """)
    assert run.state == "SUCCESS", run.logs()
    assert [a["state"]["current"] for a in run.one("flaky").attempts] == ["FAILED"] * 4 + ["SUCCESS"]
