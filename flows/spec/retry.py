"""Checking a task's `retry` policy (Kestra's constant, exponential and random)."""
from __future__ import annotations

from plugins.durations import DurationError, parse_duration

TYPES = {
    "constant": {"interval"},
    "exponential": {"interval", "maxInterval", "delayFactor"},
    "random": {"minInterval", "maxInterval"},
}
COMMON = {"type", "maxAttempt", "maxAttempts", "maxDuration", "warningOnRetry", "behavior"}
DURATIONS = {"interval", "maxInterval", "minInterval", "maxDuration"}


def retry_problems(retry) -> list[tuple[str, str]]:
    if not isinstance(retry, dict):
        return [("", "must be a map with a `type`")]
    kind = str(retry.get("type", "")).lower()
    if kind not in TYPES:
        return [(".type", f"must be one of constant, exponential, random, not {retry.get('type')!r}")]
    problems = []
    for key, value in retry.items():
        if key not in TYPES[kind] | COMMON:
            problems.append((f".{key}", f"unknown property for a {kind} retry"))
        elif key in DURATIONS:
            try:
                parse_duration(value)
            except DurationError:
                problems.append((f".{key}", f"must be an ISO-8601 duration, not {value!r}"))
    for key in TYPES[kind] - {"maxInterval", "delayFactor"} - ({"minInterval"} if kind == "random" else set()):
        if key not in retry:
            problems.append((f".{key}", "required property missing"))
    if kind == "random" and "maxInterval" not in retry:
        problems.append((".maxInterval", "required property missing"))
    attempts = retry.get("maxAttempt", retry.get("maxAttempts"))
    if attempts is not None and (isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 1):
        problems.append((".maxAttempt", "must be a positive integer"))
    if attempts is None and "maxDuration" not in retry:
        problems.append(("", "needs maxAttempt or maxDuration"))
    return problems
