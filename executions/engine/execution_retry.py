"""Retry by a new execution: a failed task whose retry policy has `behavior:
CREATE_NEW_EXECUTION` is not run again in place. As Kestra's executor does
(ExecutorService.handleChildWorkerTaskResult, ExecutionService.markWithTaskRunAs and
nextRetryDate, then the RESTART_FAILED_FLOW delay calling ExecutionService.replay):

- while the policy allows another try, the failed taskrun and its parents become
  RETRIED, and so does the execution, which ends there (no errors branch runs);
- once the policy's wait has passed, a new execution of the flow starts from the
  beginning: a replay, so one more `metadata.attemptNumber`, the same
  `originalCreatedDate`, the same labels plus `system.replay`.

The bounds count executions, not attempts: `maxAttempt` is reached when the
execution's attemptNumber is, `maxDuration` runs from the first execution's creation.
The wait is kept on the RETRIED taskrun (`wait_until`) until the new execution exists,
so whichever process drives the execution creates it, once."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.scheduler.hook import on_execution_state
from executions.states import State
from plugins.api.durations import parse_duration

from .new_attempt import replay_copy
from .retry import backoff, creates_new_execution, max_attempt, policy_for


def new_execution_delay(policy: dict, attempt_number: int, original_created: datetime,
                        failed_at: datetime) -> timedelta | None:
    """The wait before the next execution, or None when the policy allows no more
    (Kestra's TaskRun.nextRetryDate(retry, execution))."""
    bound = max_attempt(policy)
    if bound is not None and attempt_number >= bound:
        return None
    delay = backoff(policy, attempt_number)
    if policy.get("maxDuration") and failed_at + delay > original_created + parse_duration(policy["maxDuration"]):
        return None
    return delay


def failure_to_retry(view, index) -> tuple[TaskRun, timedelta] | None:
    """A FAILED task (not a flowable) whose policy creates a new execution and allows
    one more, with the wait before it."""
    execution = view.execution
    metadata = execution.metadata_json()
    original_created = datetime.fromisoformat(metadata["originalCreatedDate"].replace("Z", "+00:00"))
    failed = [tr for tr in view.taskruns.values() if tr.state == State.FAILED.value]
    for tr in sorted(failed, key=lambda t: t.seq):
        task = index.task(tr.task_id)
        if task.flowable:
            continue
        policy = policy_for(task, tr, view, index.spec)
        if not creates_new_execution(policy):
            continue
        delay = new_execution_delay(policy, int(metadata["attemptNumber"]), original_created,
                                    tr.end_date or timezone.now())
        if delay is not None:
            return tr, delay
    return None


def mark_retried(view, failed: TaskRun, delay: timedelta) -> None:
    """The failed taskrun, its parents and the execution RETRIED; the new execution's
    date kept on the failed taskrun."""
    now = timezone.now()
    for tr in [failed, *view.ancestors(failed)]:
        tr.set_state(State.RETRIED, now)
        tr.wait_until = now + delay if tr is failed else None
        tr.save_fields("state", "state_history", "start_date", "end_date", "wait_until")
    execution = view.execution
    execution.set_state(State.RETRIED, now)
    execution.save(update_fields=["state", "state_history", "start_date", "end_date", "updated"])
    on_execution_state(execution)


def pending_retry(view) -> TaskRun | None:
    """The RETRIED taskrun whose new execution is still to be created."""
    if view.execution.state != State.RETRIED.value:
        return None
    return next((tr for tr in view.taskruns.values()
                 if tr.state == State.RETRIED.value and tr.wait_until is not None), None)


def start_new_execution_if_due(view) -> str | None:
    """Create the new execution once its date has come; its id, or None. The taskrun's
    date is cleared by a conditional update first, so only one process creates it."""
    retried = pending_retry(view)
    if retried is None or retried.wait_until > timezone.now():
        return None
    with transaction.atomic():
        if not TaskRun.objects.filter(pk=retried.id, wait_until__isnull=False).update(wait_until=None):
            return None
        retried.wait_until = None
        return replay_copy(view.execution, from_taskrun=False).id


def retry_successor(execution: Execution) -> Execution | None:
    """The new execution that retried `execution` (RETRIED), if created yet: the first
    replay of it, which start_new_execution_if_due created (a person's replay comes
    after it, as a RETRIED execution waits for its retry first)."""
    if execution.state != State.RETRIED.value:
        return None
    return Execution.objects.filter(replay_of=execution.id).order_by("created", "id").first()


def retry_chain(execution: Execution) -> list[Execution]:
    """`execution` and each new execution that retried the one before it, in order: the
    last one is how the run ended."""
    chain = [execution]
    while (successor := retry_successor(chain[-1])) is not None:
        chain.append(successor)
    return chain
