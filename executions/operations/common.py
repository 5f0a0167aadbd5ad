"""What every operation needs: the locked execution, its flow's tasks, and the
bookkeeping Kestra does on each restart-like operation (metadata, system labels)."""
from __future__ import annotations

from executions.engine.flow_index import index_for_source
from executions.engine.new_attempt import REPLAY_LABEL, next_attempt, with_label
from executions.models import Execution, TaskRun
from executions.states import State

RESTARTED_LABEL = "system.restarted"
__all__ = ["REPLAY_LABEL", "next_attempt", "with_label"]  # their home is the engine


class OperationRefused(Exception):
    """The operation does not apply to the execution in its current state."""


def locked(execution_id: str) -> Execution:
    try:
        return Execution.objects.select_for_update().get(pk=execution_id)
    except Execution.DoesNotExist:
        raise OperationRefused(f"execution {execution_id} does not exist") from None


def touch(execution: Execution, *fields):
    """Save and bump the version, so a running executor reloads what changed under it."""
    execution.version += 1
    execution.save(update_fields=[*fields, "version", "updated"])


def save_state(execution: Execution, state: State):
    execution.set_state(state)
    touch(execution, "state", "state_history", "start_date", "end_date")


def flow_index(execution: Execution, taskruns=()):
    """The tasks of the execution's flow revision, with the tasks a flowable inlined at
    run time (a Template's), so every taskrun's task can be looked up."""
    from executions.engine.executor import flow_source

    index = index_for_source(flow_source(execution))
    for tr in taskruns:
        if tr.memo.get("inlineTasks"):
            index.add(tr.memo["inlineTasks"])
    return index


def taskruns_of(execution: Execution) -> list[TaskRun]:
    return list(TaskRun.objects.filter(execution=execution).order_by("seq"))


