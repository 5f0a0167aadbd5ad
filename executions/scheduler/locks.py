"""A trigger is locked while the execution it started runs: Kestra's schedules never
overlap ("if the previous schedule is not ended when the next one must start, the
scheduler will wait until the end of the previous one"), and a polling trigger has one
active run. The lock is released when that execution ends (or is gone)."""
from __future__ import annotations

from executions.models import Execution, TriggerState
from executions.states import TERMINAL

TERMINAL_NAMES = tuple(state.value for state in TERMINAL)


def release_ended() -> int:
    """Unlock every trigger whose execution ended or was deleted; how many."""
    locked = dict(TriggerState.objects.filter(execution_id__isnull=False).values_list("execution_id", "pk"))
    if not locked:
        return 0
    running = set(Execution.objects.filter(id__in=locked).exclude(state__in=TERMINAL_NAMES)
                  .values_list("id", flat=True))
    ended = [execution_id for execution_id in locked if execution_id not in running]
    return TriggerState.objects.filter(execution_id__in=ended).update(execution_id=None)


def release(execution_id: str) -> int:
    """Unlock the trigger that started this execution, which has just ended."""
    return TriggerState.objects.filter(execution_id=execution_id).update(execution_id=None)


def unlock(state: TriggerState) -> None:
    """The admin's unlock: the trigger fires again even though its execution runs."""
    state.execution_id = None
    state.evaluating_since = None
    state.save(update_fields=["execution_id", "evaluating_since", "updated"])
