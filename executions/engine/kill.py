"""Killing an execution, the engine's part: the kill operation (a person's request) and
the tasks that own child executions (Subflow, ForEachItem, killed with their parent)
both come here. The execution goes KILLING; the executor then stops its running tasks,
starts nothing new and ends it KILLED."""
from __future__ import annotations

from django.db import transaction

from executions.models import Execution
from executions.states import TERMINAL, State

from .execution_writes import save_state

NO_CASCADE = "killWithoutCascade"  # in Execution.variables, which nothing else uses


def kill_locked(execution: Execution, cascade: bool = True) -> None:
    """Mark `execution` (locked by the caller, not ended) KILLING, and each of its
    unfinished child executions (subflows) with it, theirs in turn; without `cascade`
    (Kestra's isOnKillCascade=false) the children are left running."""
    if cascade == bool((execution.variables or {}).get(NO_CASCADE)):
        # The executor kills what a Subflow or ForEachItem task started when it kills
        # that task (EngineExecutableRuntime.kill_execution): it reads this to leave them.
        execution.variables = {k: v for k, v in (execution.variables or {}).items() if k != NO_CASCADE}
        if not cascade:
            execution.variables[NO_CASCADE] = True
        execution.save(update_fields=["variables"])
    if execution.state != State.KILLING.value:
        save_state(execution, State.KILLING)
    if not cascade:
        return
    children = (Execution.objects.select_for_update().filter(parent_id=execution.id)
                .exclude(state__in=[s.value for s in TERMINAL]).exclude(state=State.KILLING.value))
    for child in children:
        kill_locked(child)


@transaction.atomic
def kill_unless_ended(execution_id: str) -> bool:
    """Kill the execution unless it ended meanwhile (or is gone); whether it was killed."""
    execution = Execution.objects.select_for_update().filter(pk=execution_id).first()
    if execution is None or execution.is_terminal:
        return False
    kill_locked(execution)
    return True
