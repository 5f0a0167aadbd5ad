"""The engine's one call into the scheduler, wherever an execution's state changes
(an executor round, a kill, a pause or resume, an engine failure). It stays cheap and
names no trigger type:

- an execution a trigger started that has just ended frees that trigger's lock, in the
  same transaction (triggers never overlap);
- when some enabled Flow trigger listens to the new state (flow_listeners), the
  evaluation is queued on the cluster, by dotted name, once the state is committed:
  one queued task per transition, none when no Flow trigger could fire on it.

The state is passed along: by the time the cluster evaluates a PAUSED or RUNNING
transition the execution may have moved on, and Kestra's Flow trigger sees the state
the execution entered."""
from django.db import transaction
from django_q.tasks import async_task

from executions.states import TERMINAL

from . import locks
from .flow_listeners import listened_states

EVALUATE = "executions.scheduler.flow_triggers.evaluate_transition"
QUEUE_GROUP = "triggers"
TERMINAL_NAMES = frozenset(state.value for state in TERMINAL)


def on_execution_state(execution) -> None:
    """`execution` has just entered its current state (saved, not yet committed)."""
    execution_id, state = execution.id, execution.state
    if state in TERMINAL_NAMES and execution.trigger:
        locks.release(execution_id)
    if state not in listened_states():
        return
    transaction.on_commit(lambda: async_task(EVALUATE, execution_id, state, group=QUEUE_GROUP,
                                             task_name=f"flow triggers of {execution_id} {state}"))
