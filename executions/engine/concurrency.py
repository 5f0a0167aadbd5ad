"""A flow's `concurrency: {limit, behavior}`: how many of its executions run at once.

As Kestra does it: an execution holds a slot from the moment it starts until it ends,
PAUSED or held at a breakpoint included. One that finds every slot taken is QUEUED (the default behaviour),
CANCELLED or FAILED without running a task. Queued executions start first in, first
out as slots free up: a new one never overtakes those already waiting."""
from __future__ import annotations

from executions.models import Execution
from executions.states import State
from flows.models import Flow

HOLDING_A_SLOT = (State.RUNNING.value, State.PAUSED.value, State.BREAKPOINT.value, State.KILLING.value,
                  State.RESTARTED.value)
WHEN_FULL = {"QUEUE": State.QUEUED, "CANCEL": State.CANCELLED, "FAIL": State.FAILED}


def admission(execution: Execution, concurrency: dict | None) -> State:
    """RUNNING when `execution` (CREATED or QUEUED) may start now, else what its flow's
    `behavior` says. Call it inside the round's transaction: the flow's row is locked so
    two processes cannot both take the last slot."""
    limit = (concurrency or {}).get("limit")
    if not limit:
        return State.RUNNING
    flow_executions = Execution.objects.filter(namespace=execution.namespace, flow_id=execution.flow_id)
    list(Flow.objects.select_for_update().filter(namespace=execution.namespace, flow_id=execution.flow_id)
         .values_list("pk", flat=True))
    running = flow_executions.filter(state__in=HOLDING_A_SLOT).exclude(pk=execution.pk).count()
    ahead = flow_executions.filter(state=State.QUEUED.value, created__lt=execution.created).count()
    if running + ahead < limit:
        return State.RUNNING
    return WHEN_FULL[(concurrency.get("behavior") or "QUEUE")]
