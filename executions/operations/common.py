"""What every operation needs: the locked execution, its flow's tasks, and the
bookkeeping Kestra does on each restart-like operation (metadata, system labels)."""
from __future__ import annotations

from executions.engine.execution_writes import save_state, touch
from executions.engine.flow_index import index_for_source
from executions.engine.flow_source import flow_source
from executions.engine.new_attempt import REPLAY_LABEL, next_attempt, with_label
from executions.models import Execution, TaskRun
from flows.models import FlowRevision
from plugins.api.labels import SYSTEM_PREFIX

RESTARTED_LABEL = f"{SYSTEM_PREFIX}restarted"
__all__ = ["REPLAY_LABEL", "next_attempt", "save_state", "touch", "with_label"]  # their home is the engine


class OperationRefused(Exception):
    """The operation does not apply to the execution in its current state."""


class UnknownRevision(LookupError):
    """A restart or replay asked for a revision its flow does not have."""

    def __init__(self, execution: Execution, revision: int):
        super().__init__(f"flow {execution.namespace}.{execution.flow_id} has no revision {revision}")
        self.revision = revision


def check_revision(execution: Execution, revision: int | None) -> int:
    """The revision a restart or replay runs with: `revision` if the flow has it, else
    the execution's own (Kestra's `revision` parameter of restart and replay)."""
    if revision is None:
        return execution.flow_revision
    if not FlowRevision.objects.filter(flow__namespace=execution.namespace, flow__flow_id=execution.flow_id,
                                       revision=revision).exists():
        raise UnknownRevision(execution, revision)
    return revision


def locked(execution_id: str) -> Execution:
    try:
        return Execution.objects.select_for_update().get(pk=execution_id)
    except Execution.DoesNotExist:
        raise OperationRefused(f"execution {execution_id} does not exist") from None


def flow_index(execution: Execution, taskruns=()):
    """The tasks of the execution's flow revision, with the tasks a flowable inlined at
    run time (a Template's), so every taskrun's task can be looked up."""
    index = index_for_source(flow_source(execution))
    for tr in taskruns:
        if tr.memo.get("inlineTasks"):
            index.add(tr.memo["inlineTasks"])
    return index


def taskruns_of(execution: Execution) -> list[TaskRun]:
    return list(TaskRun.objects.filter(execution=execution).order_by("seq"))


