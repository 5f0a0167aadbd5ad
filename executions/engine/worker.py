"""Running one attempt of a runnable taskrun: claim it, run the task with its timeout,
write the attempt's result, and decide a retry."""
from __future__ import annotations

import threading
import time

from django.db import connection, transaction
from django.utils import timezone

from executions.encryption import SecretInputUnreadable
from executions.models import TaskRun
from executions.models.state_history import iso
from executions.states import State
from expressions import ExpressionError
from plugins.api.cancellation import TIMEOUT, CancelSignal
from plugins.api.context import TaskFailed, TaskWarning
from plugins.api.durations import format_hms, parse_duration

from .logger import ExecutionLogger, current_batch, logging_into
from .retry import next_delay, policy_for
from .run_context import EngineRunContext, TaskInterrupted
from .workers_alive import worker_id

# RESTARTED: a restart gives the taskrun a new attempt straight away, as Kestra's
# worker takes a RESTARTED taskrun without another CREATED step.
CLAIMABLE = (State.CREATED.value, State.RESTARTED.value, State.RETRYING.value)


def start_attempt(taskrun: TaskRun, now=None) -> None:
    """RUNNING with a new attempt, in memory; the attempt's end writes it all."""
    now = now or timezone.now()
    taskrun.set_state(State.RUNNING, now)
    taskrun.attempts = [*taskrun.attempts, {"state": {"current": "RUNNING",
                                                      "histories": [{"state": "RUNNING", "date": iso(now)}],
                                                      "startDate": iso(now)}}]
    taskrun.worker, taskrun.heartbeat, taskrun.wait_until = worker_id(), now, None


def claim(taskrun: TaskRun) -> bool:
    """Move a CREATED/RESTARTED/RETRYING taskrun to RUNNING with a new attempt, unless another
    worker already did. The row is re-read under the lock: the in-memory copy may be stale."""
    skip_locked = connection.features.has_select_for_update_skip_locked  # PostgreSQL: a busy row is someone's
    with transaction.atomic():
        fresh = TaskRun.objects.select_for_update(skip_locked=skip_locked).filter(
            pk=taskrun.id, state__in=CLAIMABLE).first()
        if fresh is None:
            return False
        start_attempt(fresh)
        fresh.save(update_fields=["state", "state_history", "start_date", "end_date", "attempts", "worker",
                                  "heartbeat", "wait_until"])
    for field in ("state", "state_history", "start_date", "end_date", "attempts", "worker", "heartbeat", "wait_until"):
        setattr(taskrun, field, getattr(fresh, field))
    return True


def _run_with_timeout(task, ctx, timeout: float | None):
    """Run the task; past its timeout, signal it and stop waiting for it."""
    if timeout is None:
        return task.run(ctx)
    result: dict = {}
    batch = current_batch()  # run inline by an executor: its lines join the round's

    def target():
        try:
            with logging_into(batch):
                result["value"] = task.run(ctx)
        except BaseException as exc:  # handed back to the waiting thread
            result["error"] = exc

    thread = threading.Thread(target=target, name=f"task-{ctx.taskrun_id}", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        ctx.cancel.set(TIMEOUT)  # runs the task's on_cancel callbacks: a blocked call returns
        raise TaskInterrupted(TIMEOUT)
    if "error" in result:
        raise result["error"]
    return result.get("value")


def run_attempt(view, spec, task, taskrun: TaskRun, cancel: CancelSignal | None = None) -> State:
    """Run one claimed attempt and record its outcome. Returns the taskrun's new state."""
    timeout_spec = task.get("timeout")
    try:
        ctx = EngineRunContext(view, spec, taskrun, task, attempt_number=len(taskrun.attempts), cancel=cancel)
    except SecretInputUnreadable as unreadable:
        ExecutionLogger(view.execution, taskrun, len(taskrun.attempts)).error(str(unreadable))
        return finish_attempt(taskrun, task, State.FAILED, {}, policy={})  # {}: another attempt cannot read it either
    outputs, state = {}, State.SUCCESS
    try:
        timeout = parse_duration(ctx.render(timeout_spec)).total_seconds() if timeout_spec else None
        ctx.deadline = time.monotonic() + timeout if timeout is not None else None
        outputs = _run_with_timeout(task, ctx, timeout) or {}
    except TaskWarning as warning:
        outputs, state = warning.outputs, State.WARNING
        ctx.logger.warn(str(warning))
    except TaskInterrupted as interrupted:
        if str(interrupted) == TIMEOUT:
            state = State.FAILED
            ctx.logger.error(f"Timeout after {format_hms(parse_duration(ctx.render(timeout_spec)))}")
        else:
            state = State.KILLED
            ctx.logger.warn("Task killed")
    except (TaskFailed, ExpressionError) as failure:
        state = State.FAILED
        ctx.logger.error(str(failure))
    except Exception as exc:  # a task's own bug or a library error: the task fails, not the engine
        state = State.FAILED
        ctx.logger.error(f"{type(exc).__name__}: {exc}")
    finally:
        ctx.cleanup()
    return finish_attempt(taskrun, task, state, outputs, policy=policy_for(task, taskrun, view, spec))


def finish_attempt(taskrun: TaskRun, task, state: State, outputs: dict, policy: dict | None = None) -> State:
    """Record the attempt's end. A FAILED attempt is retried under `policy` (the task's,
    an enclosing flowable's or the flow's retry); `warningOnRetry` and `allowFailure`
    read the task's own properties, as Kestra's worker does."""
    now = timezone.now()
    attempt = taskrun.attempts[-1]
    attempt["state"]["current"] = state.value
    attempt["state"]["histories"].append({"state": state.value, "date": iso(now)})
    attempt["state"]["endDate"] = iso(now)
    final = state
    if state == State.FAILED:
        first = taskrun.start_date or now
        delay = next_delay(policy if policy is not None else task.get("retry"), len(taskrun.attempts), first, now)
        if delay is not None:
            final = State.RETRYING
            taskrun.wait_until = now + delay
        elif task.get("allowFailure"):
            final = State.WARNING
    elif state == State.SUCCESS and len(taskrun.attempts) > 1 and (task.get("retry") or {}).get("warningOnRetry"):
        final = State.WARNING
    if final == State.WARNING and task.get("allowWarning"):  # also a failure allowFailure made a warning
        final = State.SUCCESS
    taskrun.outputs = outputs if final != State.RETRYING else taskrun.outputs
    taskrun.set_state(final, now)
    taskrun.save_fields("state", "state_history", "start_date", "end_date", "attempts", "outputs", "wait_until",
                                "worker", "heartbeat")
    return final
