"""How lists of tasks progress under a parent taskrun: in order, side by side, and
followed by their `errors` and `finally` handlers. Flowables compose these."""
from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from executions.models import TaskRun
from executions.states import FAILING, TERMINAL, State, worst
from flows.models import Template
from flows.spec.defaults import apply_defaults_to
from plugins.api.flowable import Child, Step
from storage.cache_files import TaskCache
from storage.namespace_files import NamespaceFiles

from .logger import ExecutionLogger
from .run_context import EngineRunContext


def enabled(tasks) -> list[dict]:
    """Disabled tasks are left out entirely, as if they were not written."""
    return [t for t in tasks or [] if not t.get("disabled")]


class BranchRuntime:
    """plugins.api.flowable.FlowableRuntime over one execution view."""

    def __init__(self, view, render, index):
        self.view = view
        self._render = render  # (value, taskrun) -> rendered value
        self._index = index
        self.loop_max_values = settings.LOOP_MAX_VALUES

    # --- lookups -----------------------------------------------------------------
    def _value(self, parent, value):
        """Children carry the value they are given (a loop's), else their parent's."""
        if value is not None:
            return value
        return parent.value if parent is not None else None

    def find(self, task_id, parent, value=None):
        return self.view.find(task_id, parent.id if parent is not None else None, value)

    def children(self, taskrun):
        return self.view.children(taskrun.id if taskrun is not None else None)

    def render(self, value, taskrun):
        return self._render(value, taskrun)

    def memo(self, taskrun) -> dict:
        return taskrun.memo

    def scratch(self, taskrun) -> dict:
        return self.view.scratch(taskrun)

    def save_memo(self, taskrun) -> None:
        taskrun.save_fields("memo")

    def now(self):
        return timezone.now()

    def set_wait(self, taskrun, until) -> None:
        """Have the executor come back to this flowable at `until` (None: no wait)."""
        taskrun.wait_until = until
        taskrun.save_fields("wait_until")

    def set_paused(self, taskrun, paused: bool, until=None) -> None:
        """Put a flowable's own taskrun PAUSED (until `until`, or a resume) or back to
        RUNNING: a Pause with the deprecated `tasks` waits before running them."""
        taskrun.set_state(State.PAUSED if paused else State.RUNNING)
        taskrun.wait_until = until if paused else None
        taskrun.save_fields("state", "state_history", "start_date", "end_date", "wait_until")

    def discard_children(self, taskrun) -> None:
        """Delete the taskruns under `taskrun` (and theirs): a LoopUntil keeps only its
        latest iteration's, as Kestra does. Their logs stay."""
        children = list(self.view.children(taskrun.id))
        if not children:
            return
        TaskRun.objects.filter(pk__in=[c.id for c in children]).delete()  # descendants cascade
        for child in children:
            self.view.discard(child)

    def continue_loop(self, taskrun) -> None:
        """Kestra's ExecutionService.retryWaitFor: the loop's taskrun keeps only its
        first history entry ("to avoid having large history") and runs again, and the
        previous iteration's taskruns are dropped. The execution's own history keeps
        the RUNNING/PAUSED alternation."""
        taskrun.state_history = taskrun.state_history[:1]
        taskrun.set_state(State.RUNNING)
        taskrun.wait_until = None
        taskrun.save_fields("state", "state_history", "start_date", "end_date", "wait_until")
        self.discard_children(taskrun)

    def inline(self, taskrun, specs: list[dict]) -> None:
        """Tasks this flowable brings at run time (a Template's), remembered in its memo
        so any process resuming the execution knows them."""
        if taskrun.memo.get("inlineTasks") != specs:
            taskrun.memo["inlineTasks"] = specs
            self.save_memo(taskrun)
        self._index.add(specs)

    def template(self, namespace, template_id):
        """A saved Kestra template's (tasks, errors) with this flow's pluginDefaults
        applied, or None."""
        saved = Template.objects.filter(namespace=namespace, template_id=template_id).first()
        if saved is None:
            return None
        tasks, errors = list(saved.tasks), list(saved.errors or [])
        apply_defaults_to([tasks, errors], self._index.spec.data)
        return tasks, errors

    def log(self, taskrun, level, message):
        ExecutionLogger(self.view.execution, taskrun).log(level, message)

    def put_file(self, taskrun, path, name: str) -> str:
        """Keep a file in internal storage under this taskrun; its kestra:// URI."""
        task = self._index.task(taskrun.task_id)
        return EngineRunContext(self.view, self._index.spec, taskrun, task).put_file(path, name)

    def namespace_files(self, namespace: str | None = None) -> NamespaceFiles:
        """The files of `namespace`, by default the flow's (Kestra's
        runContext.storage().namespace())."""
        return NamespaceFiles(namespace or self.view.execution.namespace)

    def task_cache(self, taskrun) -> TaskCache:
        """The cache archives of this taskrun's task in this flow (Kestra's
        runContext.storage().getCacheFile / putCacheFile)."""
        execution = self.view.execution
        return TaskCache(execution.namespace, execution.flow_id, taskrun.task_id)

    def set_outputs(self, taskrun, outputs: dict) -> None:
        taskrun.outputs = outputs
        taskrun.save_fields("outputs")
        self.view.outputs_changed(taskrun)

    # --- progress of a list of tasks ----------------------------------------------
    def sequential(self, tasks, parent, value=None, iteration=False, number=None) -> Step:
        """One after the other; the first failure ends the list."""
        value = self._value(parent, value)
        specs = enabled(tasks)
        # The leading tasks known to have ended well are not looked at again: a list
        # of n tasks costs n lookups in all, not n per round (see ExecutionView.settled).
        states = self.view.settled(tasks, parent.id if parent is not None else None, value)
        for spec in specs[len(states):]:
            tr = self.find(spec["id"], parent, value)
            if tr is None:
                return Step(create=[Child(spec, value, iteration, number)])
            state = State(tr.state)
            if state not in TERMINAL:
                return Step()
            if state in FAILING:
                return Step(state=State.KILLED if state == State.KILLED else State.FAILED)
            states.append(state)
        return Step(state=worst(states))

    def parallel(self, tasks, parent, limit=0, value=None, iteration=False, number=None) -> Step:
        """Side by side, at most `limit` at a time (0: all). A failed task ends the list
        FAILED at once, without waiting for the ones still running (Kestra 1.x's
        FlowableUtils.resolveState: the failure and the handlers decide); the executor
        then gives the ended parent's state to those. A killed one lets the others
        finish first."""
        value = self._value(parent, value)
        pending, running, states = [], 0, []
        for spec in enabled(tasks):
            tr = self.find(spec["id"], parent, value)
            if tr is None:
                pending.append(spec)
            elif State(tr.state) not in TERMINAL:
                running += 1
            else:
                states.append(State(tr.state))
        if State.FAILED in states or (running == 0 and any(s in FAILING for s in states)):
            return Step(state=worst(states))
        if any(s in FAILING for s in states):
            return Step()
        if pending:
            slots = len(pending) if not limit or limit <= 0 else max(0, limit - running)
            return Step(create=[Child(spec, value, iteration, number) for spec in pending[:slots]])
        if running:
            return Step()
        return Step(state=worst(states))

    def with_handlers(self, step: Step, parent, errors=None, finally_=None) -> Step:
        """After the main list: `errors` when it failed, then `finally` in any case.
        Errors handlers never turn a failure into a success."""
        if not step.done:
            return step
        state = step.state
        if state == State.KILLED:
            return step
        if state == State.FAILED and enabled(errors):
            handled = self.sequential(errors, parent)
            if not handled.done:
                return handled
        if enabled(finally_):
            final = self.sequential(finally_, parent)
            if not final.done:
                return final
            if final.state in FAILING:
                state = State.FAILED
            elif final.state == State.WARNING and state == State.SUCCESS:
                state = State.WARNING
        return Step(state=state)
