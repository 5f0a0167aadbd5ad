import pytest

from .helpers import errors_of, only_error


def with_retry(retry: str) -> str:
    return f"""
        id: retries
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
            retry: {retry}
        """


@pytest.mark.parametrize("retry", [
    "{type: constant, interval: PT1S, maxAttempt: 3}",
    "{type: constant, interval: PT0.5S, maxDuration: PT1M, warningOnRetry: true}",
    "{type: exponential, interval: PT1S, maxInterval: PT1M, delayFactor: 2, maxAttempt: 5}",
    "{type: random, minInterval: PT1S, maxInterval: PT5S, maxAttempt: 2}",
    "{type: constant, interval: PT1S, maxAttempt: 2, behavior: CREATE_NEW_EXECUTION}",
    "{type: constant, interval: PT1S}",
])
def test_it_accepts_kestras_retry_policies(retry):
    assert errors_of(with_retry(retry)) == []


@pytest.mark.parametrize("retry, path", [
    ("{interval: PT1S, maxAttempt: 3}", "tasks[0].retry.type"),
    ("{type: sometimes, interval: PT1S}", "tasks[0].retry.type"),
    ("{type: constant, maxAttempt: 3}", "tasks[0].retry.interval"),
    ("{type: constant, interval: soon, maxAttempt: 3}", "tasks[0].retry.interval"),
    ("{type: constant, interval: PT1S, maxAttempt: 0}", "tasks[0].retry.maxAttempt"),
    ("{type: constant, interval: PT1S, maxAttempt: 2, maxInterval: PT5S}", "tasks[0].retry.maxInterval"),
    ("{type: exponential, interval: PT1S, maxAttempt: 3}", "tasks[0].retry.maxInterval"),
    ("{type: exponential, interval: PT1M, maxInterval: PT1S}", "tasks[0].retry.interval"),
    ("{type: random, maxInterval: PT5S}", "tasks[0].retry.minInterval"),
    ("{type: constant, interval: PT1M, maxDuration: PT10S}", "tasks[0].retry.interval"),
    ("{type: constant, interval: PT1S, behavior: SOMETIMES}", "tasks[0].retry.behavior"),
    ("{type: constant, interval: PT1S, warningOnRetry: perhaps}", "tasks[0].retry.warningOnRetry"),
    ("constant", "tasks[0].retry"),
])
def test_it_refuses_a_bad_retry_policy(retry, path):
    error = only_error(with_retry(retry))
    assert error.path == path
    assert error.line == 7
    assert "'t'" in error.message


def test_a_block_retry_points_at_the_bad_line():
    error = only_error("""
        id: retries
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
            retry:
              type: constant
              interval: PT1S
              maxAttempt: -1
        """)
    assert (error.path, error.line) == ("tasks[0].retry.maxAttempt", 10)


def test_the_flow_level_retry_is_checked_too():
    error = only_error("""
        id: retries
        namespace: company.team
        retry:
          type: constant
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """)
    assert error.path == "retry.interval"
    assert error.line == 4  # the retry block
