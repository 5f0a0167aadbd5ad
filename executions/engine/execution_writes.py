"""Writes to an execution's row made outside an executor round (an operation, a kill):
each bumps the row's version, so an executor working on the execution reloads what
changed under it before deciding anything."""
from __future__ import annotations

from executions.models import Execution
from executions.scheduler.hook import on_execution_state
from executions.states import State


def touch(execution: Execution, *fields):
    """Save `fields` and bump the version."""
    execution.version += 1
    execution.save(update_fields=[*fields, "version", "updated"])


def save_state(execution: Execution, state: State):
    execution.set_state(state)
    touch(execution, "state", "state_history", "start_date", "end_date")
    on_execution_state(execution)
