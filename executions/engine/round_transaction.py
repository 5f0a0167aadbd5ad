"""The executor's transactions: rounds run in a transaction under the execution's lock,
several in one while they need nothing outside it (see rounds); their decisions, the
taskruns they created and the log lines they wrote are in the database when it
commits (round_writes), so a crash loses at most the transaction under way, and never
a log line of a task whose end is there.

The lock is the execution row's version: every writer of the row bumps it, so a view
loaded at one version is still right while the row has that version."""
from __future__ import annotations

import time
from collections.abc import Callable

from executions.models import Execution

from .view import ExecutionView

# How long one transaction goes on with rounds that need nothing outside it; other
# writers of the execution (a kill, a worker's result on SQLite) wait at most this.
TRANSACTION_SECONDS = 0.05

Round = Callable[[], tuple[bool, list[str]]]  # one round: (changed anything, taskruns to dispatch)


class ExecutionGone(LookupError):
    """The execution was deleted: there is nothing left to drive."""


def refreshed(view: ExecutionView | None, execution_id: str, ended: set[str] | None) -> ExecutionView:
    """`view` brought up to date, or the execution loaded anew. A view kept from the
    last advance (the in-process runner keeps its executors) still holds if nobody else
    wrote the execution's row (its version): then only the taskruns workers may have
    written since are read again: `ended` when the caller knows them (its own
    workers), else every taskrun a worker may have written
    (ExecutionView.refresh_from_workers). An advance then costs what changed, not the
    execution's size."""
    version = Execution.objects.filter(pk=execution_id).values_list("version", flat=True).first()
    if version is None:
        raise ExecutionGone(execution_id)
    if view is None or version != view.execution.version:
        return ExecutionView.load(execution_id)
    if ended is None:
        view.refresh_from_workers()
    else:
        view.refresh_taskruns(ended)
    return view


def locked(view: ExecutionView) -> ExecutionView:
    """Take the execution's row (one UPDATE locks it and bumps its version), and return
    the view to decide on: `view`, or the execution loaded again when its version is not
    the one `view` was loaded at (another process changed the execution)."""
    while True:
        ex = view.execution
        if Execution.objects.filter(pk=ex.id, version=ex.version).update(version=ex.version + 1):
            ex.version += 1
            return view
        view = ExecutionView.load(ex.id)


def rounds(one_round: Round, must_commit: Callable[[], bool]) -> tuple[bool, list[str]]:
    """Rounds in one transaction while each changes something and needs nothing
    outside it: a worker (a taskrun to dispatch) or whatever `must_commit` says (a
    started execution, an ended one) must see the round committed first, and the lock
    is not held past TRANSACTION_SECONDS. A sequence of lightweight tasks thus commits
    once, not once a task."""
    until = time.monotonic() + TRANSACTION_SECONDS
    while True:
        changed, to_dispatch = one_round()
        if not changed or to_dispatch or must_commit() or time.monotonic() > until:
            return changed, to_dispatch
