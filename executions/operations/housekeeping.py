"""Labels and deletion: changes that do not make the execution run."""
from __future__ import annotations

from django.db import transaction

from executions.engine.create import merge_labels
from executions.models import Execution, LogEntry, MetricEntry
from executions.states import State
from plugins.api.labels import SYSTEM_PREFIX
from storage import internal_storage, layout

from .common import OperationRefused, locked, save_state, touch


@transaction.atomic
def set_labels(execution_id: str, labels) -> Execution:
    """Add or update labels of an ended execution, as Kestra does: the given labels
    override those with the same key, the others stay. System labels (`system.`) are
    Kestra's own: they may be passed back unchanged but never set or changed."""
    execution = locked(execution_id)
    if not execution.is_terminal:
        raise OperationRefused("labels can be set on an ended execution only")
    existing = merge_labels(execution.labels)
    for label in merge_labels(labels):
        if label["key"].startswith(SYSTEM_PREFIX) and label not in existing:
            raise OperationRefused(f"system labels are set by the engine only: {label['key']}")
    execution.labels = merge_labels(execution.labels, labels)
    touch(execution, "labels")
    return execution


@transaction.atomic
def delete(execution_id: str, delete_logs: bool = True, delete_storage: bool = True,
           delete_metrics: bool = True, include_non_terminated: bool = False) -> None:
    """Delete an ended execution with its taskruns, and by default its logs, metrics and
    files (Kestra's deleteLogs, deleteMetrics, deleteStorage). `include_non_terminated`
    (Kestra's bulk delete flag) deletes one under way too: its executor finds it gone
    and stops driving it."""
    execution = locked(execution_id)
    if not execution.is_terminal and not include_non_terminated:
        raise OperationRefused("kill the execution before deleting it")
    if delete_logs:
        LogEntry.objects.filter(execution_id=execution_id).delete()
    if delete_metrics:
        MetricEntry.objects.filter(execution_id=execution_id).delete()
    if delete_storage:
        internal_storage().delete_folder(layout.uri(
            layout.execution_folder(execution.namespace, execution.flow_id, execution.id)))
    execution.delete()


CHANGEABLE_TO = (State.SUCCESS, State.WARNING, State.FAILED, State.KILLED, State.CANCELLED)


@transaction.atomic
def change_status(execution_id: str, status: str) -> Execution:
    """Set an ended execution's state by hand (Kestra's change-status: e.g. a FAILED
    run someone fixed outside marked SUCCESS); its taskruns stay as they ended."""
    execution = locked(execution_id)
    try:
        target = State(status)
    except ValueError:
        raise OperationRefused(f"unknown state {status!r}") from None
    if target not in CHANGEABLE_TO:
        raise OperationRefused(f"an execution's status can be changed to "
                               f"{', '.join(s.value for s in CHANGEABLE_TO)} only")
    if not execution.is_terminal:
        raise OperationRefused(f"only an ended execution's status can be changed (it is {execution.state})")
    if execution.state == target.value:
        raise OperationRefused(f"execution {execution_id} is already {target.value}")
    save_state(execution, target)
    return execution
