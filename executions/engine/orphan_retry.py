"""A RUNNING taskrun whose worker died (workers_alive.is_orphan) runs again, a bounded
number of times, and then fails, saying why."""
from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from executions.models import TaskRun
from executions.states import State

from .logger import ExecutionLogger
from .view import ExecutionView
from .workers_alive import is_orphan


def orphaned(view: ExecutionView, tr: TaskRun) -> bool:
    """Whether the worker running `tr` died. A view kept between advances does not
    follow heartbeats: one that looks too old is read again before deciding."""
    if not is_orphan(tr):
        return False
    view.replace(tr, TaskRun.objects.get(pk=tr.id))
    return tr.state == State.RUNNING.value and is_orphan(tr)


def retry_orphan(view: ExecutionView, tr: TaskRun) -> State:
    """The worker running this taskrun died: record its attempt as KILLED and run it
    again, at most settings.ORPHAN_MAX_RESUBMITS times (counted in its memo); then
    the taskrun FAILS, saying why. Returns its new state."""
    now = timezone.now()
    if tr.attempts:
        tr.attempts[-1]["state"]["current"] = State.KILLED.value
        tr.attempts[-1]["state"]["histories"].append({"state": "KILLED", "date": now.isoformat()})
    resubmits = tr.memo.get("orphanResubmits", 0)
    logger = ExecutionLogger(view.execution, tr)
    if resubmits >= settings.ORPHAN_MAX_RESUBMITS:
        tr.set_state(State.FAILED, now)
        logger.error(f"The worker running this task stopped ({tr.worker}), and the task was already run "
                     f"again {resubmits} times after its worker stopped (KESTRAWEB_ORPHAN_MAX_RESUBMITS = "
                     f"{settings.ORPHAN_MAX_RESUBMITS}): the task fails.")
    else:
        tr.memo["orphanResubmits"] = resubmits + 1
        tr.set_state(State.CREATED, now)
        logger.warn(f"The worker running this task stopped ({tr.worker}); the task runs again "
                    f"({resubmits + 1} of at most {settings.ORPHAN_MAX_RESUBMITS}).")
    tr.worker = ""
    tr.save_fields("state", "state_history", "start_date", "end_date", "attempts", "worker", "memo")
    return State(tr.state)
