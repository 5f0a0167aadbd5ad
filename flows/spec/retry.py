"""Checking a retry policy (a task's or the flow's `retry`), as Kestra's AbstractRetry
and its Constant, Exponential and Random kinds do:

    retry: {type: constant, interval: PT10S, maxAttempt: 3}
    retry: {type: exponential, interval: PT1S, maxInterval: PT1M, delayFactor: 2}
    retry: {type: random, minInterval: PT1S, maxInterval: PT5S, maxDuration: PT1M}

Intervals must be below `maxDuration` (and `interval`/`minInterval` below
`maxInterval`), as Kestra's validators require. Kestra does not require a bound: a
policy with neither `maxAttempt` nor `maxDuration` is valid."""
from __future__ import annotations

from datetime import timedelta

from plugins.api.durations import DurationError, parse_duration

from .property_types import value_problem

REQUIRED = {
    "constant": ("interval",),
    "exponential": ("interval", "maxInterval"),
    "random": ("minInterval", "maxInterval"),
}
OPTIONAL = {
    "constant": (),
    "exponential": ("delayFactor",),
    "random": (),
}
# `maxAttempts` is not Kestra's spelling but was accepted by this project's engine early on.
COMMON = ("type", "maxAttempt", "maxAttempts", "maxDuration", "warningOnRetry", "behavior")
DURATIONS = ("interval", "maxInterval", "minInterval", "maxDuration")
BEHAVIORS = ("RETRY_FAILED_TASK", "CREATE_NEW_EXECUTION")


def retry_problems(retry) -> list[tuple[str | None, str]]:
    """(key of the retry map or None, message) for each problem."""
    if not isinstance(retry, dict):
        return [(None, "must be a map with a type: constant, exponential or random")]
    kind = retry.get("type")
    kind = kind.lower() if isinstance(kind, str) else kind
    if "type" not in retry:
        return [("type", "required property missing: constant, exponential or random")]
    if kind not in REQUIRED:
        return [("type", f"must be one of constant, exponential, random, not {retry.get('type')!r}")]
    problems: list[tuple[str | None, str]] = []
    allowed = set(COMMON) | set(REQUIRED[kind]) | set(OPTIONAL[kind])
    durations: dict[str, timedelta] = {}
    for key, value in retry.items():
        if key not in allowed:
            problems.append((key, f"unknown property '{key}' for a {kind} retry"))
        elif key in DURATIONS and value is not None:
            try:
                durations[key] = parse_duration(value)
            except DurationError as exc:
                problems.append((key, f"must be an ISO-8601 duration like PT10S: {exc}"))
    for key in REQUIRED[kind]:
        if retry.get(key) is None:
            problems.append((key, f"required property missing for a {kind} retry"))
    for key in ("maxAttempt", "maxAttempts"):
        value = retry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            problems.append((key, f"must be an integer of at least 1, not {value!r}"))
    for key, kind_name in (("warningOnRetry", "boolean"), ("delayFactor", "number")):
        if retry.get(key) is not None:
            problem = value_problem(kind_name, retry[key])
            if problem:
                problems.append((key, problem))
    if retry.get("behavior") is not None and str(retry["behavior"]).upper() not in BEHAVIORS:
        problems.append(("behavior", f"must be one of {', '.join(BEHAVIORS)}, not {retry['behavior']!r}"))
    problems += _ordering(durations)
    return problems


def _ordering(durations: dict[str, timedelta]) -> list[tuple[str, str]]:
    """Kestra's interval checks: each interval below maxDuration and maxInterval."""
    problems = []
    pairs = (("interval", "maxDuration"), ("minInterval", "maxDuration"), ("maxInterval", "maxDuration"),
             ("interval", "maxInterval"), ("minInterval", "maxInterval"))
    for low, high in pairs:
        if low in durations and high in durations and durations[low] >= durations[high]:
            problems.append((low, f"'{low}' must be less than '{high}'"))
    return problems
