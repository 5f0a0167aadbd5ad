"""Starting one execution for a trigger and moving the trigger's state on, in one
transaction: the execution row and the new state commit together or not at all, so a
scheduler that dies between the two neither loses nor repeats a date.

Two schedulers on one database never fire one date twice: the state row is claimed
(`SELECT ... FOR UPDATE SKIP LOCKED` where the database has it, so the other scheduler
passes over the row), and the new state is written only if the row is still as it
was read (its `updated` stamp unchanged), else the whole transaction is rolled back
(SQLite, which serializes writing transactions, relies on this alone)."""
from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

import expressions
from executions.engine.create import create_execution
from executions.models import Execution, TriggerState
from executions.queue import submit
from expressions import ExpressionError
from flows.spec import InputInvalid
from plugins.api import registry
from plugins.api.trigger import execution_labels

# What makes one firing impossible, not the scheduler: inputs the flow refuses, an
# expression of the trigger (inputs, labels) that cannot be rendered. A Schedule's date
# or a Flow trigger's event then gets a FAILED execution (failed_evaluation), a
# webhook request a 422, a polled event goes back to its source: never a stuck trigger.
CANNOT_START = (InputInvalid, ExpressionError)


class StateChanged(Exception):
    """The trigger's state moved on since it was read: another scheduler fired it, or
    the admin changed it. Nothing of this firing is kept."""


def claim(state_pk: int) -> TriggerState | None:
    """Inside a transaction: the state row, locked until the transaction ends where
    the database can; None when another scheduler holds it."""
    rows = TriggerState.objects.filter(pk=state_pk)
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    return rows.first()


def commit_state(state: TriggerState, **changes) -> None:
    """Write `changes` if the row is as `state` read it; StateChanged otherwise."""
    changes["updated"] = timezone.now()
    if TriggerState.objects.filter(pk=state.pk, updated=state.updated).update(**changes) != 1:
        raise StateChanged(f"trigger {state} changed while it was evaluated")


def flow_variables(flow) -> dict:
    return {"flow": {"namespace": flow.namespace, "id": flow.flow_id, "revision": flow.revision}}


def start_execution(flow, flow_labels: list, spec: dict, variables: dict, inputs: dict | None = None,
                    extra_labels: list | None = None, input_variables: dict | None = None,
                    execution_id: str | None = None) -> Execution:
    """A CREATED execution of `flow` started by trigger `spec`, its `trigger` as Kestra's
    ExecutionTrigger (id, type, variables); `inputs` are rendered with the flow and the
    trigger variables (and `input_variables` over them: a Flow trigger's inputs see the
    upstream `trigger.outputs`, which its execution's variables do not keep). It is
    handed to the cluster once the transaction commits; `execution_id` is the id
    a polling or realtime trigger picked before its evaluation. Raises one of CANNOT_START for
    inputs its flow refuses or an expression that cannot be rendered."""
    context = {**flow_variables(flow), "trigger": {**variables, **(input_variables or {})}}
    labels = execution_labels(flow_labels, spec, lambda value: expressions.render_value(value, context))
    rendered_inputs = expressions.render_value(inputs or {}, context)
    trigger = {"id": spec["id"], "type": registry.resolve_trigger(str(spec["type"])).type, "variables": variables}
    execution = create_execution(flow, inputs=rendered_inputs, labels=[*labels, *(extra_labels or [])],
                                 trigger=trigger, execution_id=execution_id)
    execution_id = execution.id
    transaction.on_commit(lambda: submit(execution_id))
    return execution
