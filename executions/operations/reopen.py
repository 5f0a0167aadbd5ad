"""Making an ended execution run again from some of its taskruns, as Kestra's restart
and taskrun state change do: those taskruns run again, their flowable parents go back
to RUNNING, and the handler branches (`errors`, `finally`, `afterExecution`) are dropped
so they run again only if still called for."""
from __future__ import annotations

from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.models.state_history import iso
from executions.states import State


def restart_state(task) -> State:
    """The state a taskrun run again starts from, as Kestra's restart and replay set it:
    RESTARTED for a task (the worker then takes it straight to RUNNING with a new
    attempt) and for a flowable that restarts whole (a WorkingDirectory: see
    TaskType.restarts_whole), RUNNING for any other flowable, which decides its
    children again."""
    if task.flowable and not task.restarts_whole:
        return State.RUNNING
    return State.RESTARTED


def handler_task_ids(index) -> set[str]:
    """Ids of every task in an `errors` or `finally` branch (the flow's or a flowable's)
    or in `afterExecution`, with the tasks nested in them."""
    ids: set[str] = set()

    def collect(specs):
        for spec in specs or []:
            ids.add(spec["id"])
            for nested in index.task(spec["id"]).nested_task_lists(spec).values():
                collect(nested)

    collect(index.spec.errors)
    collect(index.spec.finally_)
    collect(index.spec.after_execution)
    for task in list(index.tasks.values()):
        if task.flowable:
            collect(task.spec.get("errors"))
            collect(task.spec.get("finally"))
    return ids


class Reopening:
    """The taskruns of one execution, and what reopening some of them changes."""

    def __init__(self, execution: Execution, index, taskruns: list[TaskRun]):
        self.execution = execution
        self.index = index
        self.by_id = {t.id: t for t in taskruns}
        self.children: dict[str | None, list[TaskRun]] = {}
        for tr in taskruns:
            self.children.setdefault(tr.parent_id, []).append(tr)
        self.reopened: set[str] = set()
        self.dropped: set[str] = set()
        handlers = handler_task_ids(index)
        self.in_handler = {t.id for t in taskruns if any(a.task_id in handlers for a in [t, *self.ancestors(t)])}

    # --- the tree -------------------------------------------------------------------
    def ancestors(self, tr: TaskRun) -> list[TaskRun]:
        chain, parent = [], self.by_id.get(tr.parent_id)
        while parent is not None:
            chain.append(parent)
            parent = self.by_id.get(parent.parent_id)
        return chain

    def descendants(self, tr: TaskRun) -> list[TaskRun]:
        found, stack = [], list(self.children.get(tr.id, []))
        while stack:
            child = stack.pop()
            found.append(child)
            stack.extend(self.children.get(child.id, []))
        return found

    # --- changes --------------------------------------------------------------------
    def restart(self, tr: TaskRun):
        """Run `tr` again (see restart_state); its flowable parents go back to RUNNING."""
        if tr.id in self.in_handler or tr.id in self.dropped:
            return
        whole = next((a for a in reversed([tr, *self.ancestors(tr)])
                      if self.index.task(a.task_id).restarts_whole), None)
        if whole is not None:
            self.dropped.update(d.id for d in self.descendants(whole))
            whole.memo = {}
            whole.save(update_fields=["memo"])
            tr = whole
        if tr.id not in self.reopened:
            self._set(tr, restart_state(self.index.task(tr.task_id)))
            self.reopened.add(tr.id)
        self.reopen_parents(tr)

    def reopen_parents(self, tr: TaskRun):
        for parent in self.ancestors(tr):
            if parent.id not in self.reopened:
                self._set(parent, State.RUNNING)
                self.reopened.add(parent.id)

    def drop_handlers(self):
        """Taskruns of handler branches go, so the branches run again when still needed."""
        self.dropped.update(self.in_handler - self.reopened)

    def finish(self):
        TaskRun.objects.filter(pk__in=self.dropped).delete()

    def _set(self, tr: TaskRun, state: State):
        if tr.state != state.value:
            tr.set_state(state)
        tr.wait_until, tr.worker = None, ""
        tr.save(update_fields=["state", "state_history", "start_date", "end_date", "wait_until", "worker"])


def set_attempt_state(tr: TaskRun, state: State):
    """The last attempt takes the state given by hand too (Kestra does so)."""
    if not tr.attempts:
        return
    now = iso(timezone.now())
    attempt = tr.attempts[-1].setdefault("state", {})
    attempt["current"] = state.value
    attempt["histories"] = [*attempt.get("histories", []), {"state": state.value, "date": now}]
    attempt["endDate"] = now
