"""Kestra's retry policies: constant, exponential and random back-off, bounded by
maxAttempt (attempts in all) and maxDuration (time since the first attempt). A policy
with neither bound retries until the task succeeds or the execution is killed, as
Kestra's TaskRun.nextRetryDate does (it only ever stops on a bound that is set).

Which policy applies to a failed task is Kestra's order: the task's own `retry`, else
the closest enclosing flowable's `retry`, else the flow's top-level `retry`."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from plugins.api.durations import after, parse_duration

CREATE_NEW_EXECUTION = "CREATE_NEW_EXECUTION"  # Kestra's AbstractRetry.Behavior


def creates_new_execution(policy: dict | None) -> bool:
    """`behavior: CREATE_NEW_EXECUTION`: a failure is retried by a new execution of the
    flow (see execution_retry.py), not by another attempt of the taskrun."""
    return bool(policy) and str(policy.get("behavior", "")).upper() == CREATE_NEW_EXECUTION


def backoff(policy: dict, attempts_made: int) -> timedelta:
    """The wait before the next try, after `attempts_made` tries."""
    kind = str(policy.get("type", "constant")).lower()
    if kind == "exponential":
        return exponential_delay(policy, attempts_made)
    if kind == "random":
        low = parse_duration(policy.get("minInterval", "PT0S")).total_seconds()
        high = parse_duration(policy.get("maxInterval", policy.get("minInterval", "PT1S"))).total_seconds()
        return timedelta(seconds=random.uniform(low, max(low, high)))
    return parse_duration(policy.get("interval", "PT1S"))


def exponential_delay(policy: dict, attempts_made: int) -> timedelta:
    """Kestra's Exponential.nextRetryDate, to the letter: `interval` times the whole part
    of `delayFactor` (default 2) times the attempts made less one, capped at
    `maxInterval`. So the first retry follows at once and the waits then grow by
    `interval * delayFactor` each time: Kestra's formula is linear in the attempt count,
    and a flow moved from Kestra must wait as long here as it did there."""
    interval = parse_duration(policy.get("interval", "PT1S"))
    factor = policy.get("delayFactor")
    whole_factor = 2 if factor is None else int(float(factor))
    delay = interval * (whole_factor * (attempts_made - 1))
    if policy.get("maxInterval"):
        delay = min(delay, parse_duration(policy["maxInterval"]))
    return delay


def max_attempt(policy: dict) -> int | None:
    value = policy.get("maxAttempt", policy.get("maxAttempts"))
    return int(value) if value is not None else None


def next_delay(policy: dict | None, attempts_made: int, first_attempt_at: datetime, now: datetime) -> timedelta | None:
    """The wait before the next attempt, or None when the policy allows no more."""
    if not policy or creates_new_execution(policy):
        return None
    bound = max_attempt(policy)
    if bound is not None and attempts_made >= bound:
        return None
    delay = backoff(policy, attempts_made)
    if policy.get("maxDuration") and after(now, delay) - first_attempt_at > parse_duration(policy["maxDuration"]):
        return None
    return delay


def policy_for(task, taskrun, view, spec) -> dict | None:
    """The retry policy governing `task` (see the module docstring)."""
    own = task.get("retry")
    if own:
        return own
    if view is not None and spec is not None:
        ancestors = [tr.task_id for tr in view.ancestors(taskrun)]
        if ancestors:
            specs = {t.get("id"): t for t, _path in spec.all_tasks() if t.get("id") in ancestors}
            for task_id in ancestors:
                if (specs.get(task_id) or {}).get("retry"):
                    return specs[task_id]["retry"]
    return getattr(spec, "retry", None) or None
