"""The waits of an exponential retry policy, as Kestra's
io.kestra.core.models.tasks.retrys.Exponential#nextRetryDate computes them (called by
TaskRun#nextRetryDate with the number of attempts made so far): interval x whole part
of delayFactor (default 2) x (attempts - 1), capped at maxInterval."""
from datetime import UTC, datetime, timedelta

from executions.engine.retry import backoff, next_delay


def waits(policy, attempts=6):
    return [backoff(policy, made).total_seconds() for made in range(1, attempts + 1)]


def test_the_default_delay_factor_is_two():
    policy = {"type": "exponential", "interval": "PT1S", "maxInterval": "PT1H"}
    assert waits(policy) == [0, 2, 4, 6, 8, 10]


def test_it_uses_the_whole_part_of_the_delay_factor():
    policy = {"type": "exponential", "interval": "PT10S", "maxInterval": "PT1H", "delayFactor": 3.7}
    assert waits(policy, 4) == [0, 30, 60, 90]


def test_max_interval_caps_each_wait():
    policy = {"type": "exponential", "interval": "PT5S", "maxInterval": "PT12S"}
    assert waits(policy, 4) == [0, 10, 12, 12]


def test_max_duration_counts_the_capped_wait():
    """TaskRun#nextRetryDate: no retry once the next date passes the first attempt's
    start plus maxDuration."""
    policy = {"type": "exponential", "interval": "PT5S", "maxInterval": "PT12S", "maxDuration": "PT20S"}
    first = datetime(2026, 1, 1, tzinfo=UTC)
    assert next_delay(policy, 2, first, first + timedelta(seconds=5)) == timedelta(seconds=10)
    assert next_delay(policy, 3, first, first + timedelta(seconds=9)) is None
