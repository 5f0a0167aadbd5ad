"""A trigger whose evaluation fails (Kestra's TriggerFailed): a Schedule or
ScheduleOnDates whose inputs the flow refuses or whose expressions (inputs, labels,
conditions) cannot be rendered, a Flow trigger whose inputs fail.

Kestra answers with an execution FAILED at once, the error logged in it
(AbstractScheduler since kestra-io/kestra#13630, a Schedule's conditions since #3066,
the Flow trigger since #15599): the failure shows among the flow's executions, where
its users look, and the trigger moves on to its next date instead of evaluating the
same one again. The execution carries the flow's labels only (the trigger's own may be
what failed to render), no inputs, and the trigger with what its variables were."""
from __future__ import annotations

from executions.engine.create import merge_labels, with_correlation
from executions.engine.ids import new_id
from executions.engine.logger import ExecutionLogger
from executions.models import Execution
from executions.states import State
from plugins.api import registry

from .hook import on_execution_state


def failed_execution(flow, flow_labels, spec: dict, variables: dict | None, error: Exception) -> Execution:
    """Create, inside the caller's transaction, the FAILED execution of `flow` that
    records why trigger `spec` could not start one."""
    execution_id = new_id()
    execution = Execution(
        id=execution_id, namespace=flow.namespace, flow_id=flow.flow_id, flow_revision=flow.revision,
        inputs={}, labels=with_correlation(merge_labels(flow_labels), execution_id, None),
        trigger={"id": spec["id"], "type": registry.resolve_trigger(str(spec["type"])).type,
                 "variables": variables or {}},
    )
    execution.set_state(State.CREATED)
    execution.set_state(State.FAILED)
    execution.save(force_insert=True)
    ExecutionLogger(execution).error(f"Unable to evaluate the trigger '{spec['id']}': {error}")
    on_execution_state(execution)  # it ended: the Flow triggers listening to FAILED hear of it
    return execution
