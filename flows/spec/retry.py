"""Checking a retry policy (a task's or the flow's `retry`) against its declaration
(plugins.api.properties.RETRY: Kestra's AbstractRetry and its Constant, Exponential and
Random kinds, picked by `type`):

    retry: {type: constant, interval: PT10S, maxAttempt: 3}
    retry: {type: exponential, interval: PT1S, maxInterval: PT1M, delayFactor: 2}
    retry: {type: random, minInterval: PT1S, maxInterval: PT5S, maxDuration: PT1M}

Beside the declaration, intervals must be below `maxDuration` (and `interval`/
`minInterval` below `maxInterval`), as Kestra's validators require. Kestra does not
require a bound: a policy with neither `maxAttempt` nor `maxDuration` is valid."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from plugins.api.durations import DurationError, parse_duration
from plugins.api.properties import RETRY

from .property_types import problems

DURATIONS = ("interval", "maxInterval", "minInterval", "maxDuration")


def retry_problems(retry: Any) -> list[tuple[str | None, str]]:
    """(key of the retry map or None, message) for each problem."""
    found = [(problem.sub.lstrip(".") or None, problem.message) for problem in problems(RETRY, retry)]
    if found or not isinstance(retry, dict):
        return found
    return _ordering({key: _duration(retry[key]) for key in DURATIONS if retry.get(key) is not None})


def _duration(value: Any) -> timedelta:
    try:
        return parse_duration(value)
    except DurationError:  # the declaration reported it already
        return timedelta(0)


def _ordering(durations: dict[str, timedelta]) -> list[tuple[str | None, str]]:
    """Kestra's interval checks: each interval below maxDuration and maxInterval."""
    found: list[tuple[str | None, str]] = []
    pairs = (("interval", "maxDuration"), ("minInterval", "maxDuration"), ("maxInterval", "maxDuration"),
             ("interval", "maxInterval"), ("minInterval", "maxInterval"))
    for low, high in pairs:
        if low in durations and high in durations and durations[low] >= durations[high]:
            found.append((low, f"'{low}' must be less than '{high}'"))
    return found
