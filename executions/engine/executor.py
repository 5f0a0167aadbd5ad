"""The executor: reads an execution, decides its next taskruns, runs lightweight tasks
in place and hands the others to workers, until nothing more can happen now.

Rounds run in transactions under the execution's lock (round_transaction), and
write through the view, batched until their transaction commits (round_writes).
"""
from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, transaction
from django.utils import timezone

import expressions
from executions.models import TaskRun
from executions.states import State
from expressions import ExpressionError

from .branches import BranchRuntime
from .breakpoints import hold_at_breakpoints
from .concurrency import admission
from .executable_runtime import EngineExecutableRuntime
from .execution_retry import failure_to_retry, mark_retried, start_new_execution_if_due
from .expression_limits import expression_limits
from .flow_index import index_for_source
from .flow_source import flow_source
from .logger import ExecutionLogger, batched_logs
from .orphan_retry import orphaned, retry_orphan
from .outputs import RENDERED_FOR, render_flow_outputs
from .round_transaction import locked, refreshed, rounds
from .round_writes import create_taskrun, fail_taskrun, insert_created, set_execution_state, set_taskrun_state
from .run_context import EngineRunContext
from .view import ExecutionView
from .worker import run_attempt, start_attempt

Dispatch = Callable[[str, str], None]  # (execution id, taskrun id) to run on a worker
Spawn = Callable[[str], None]  # a new execution (a subflow) to drive
STARTING = (State.CREATED.value, State.RESTARTED.value, State.QUEUED.value)
TO_START = (State.CREATED, State.RESTARTED)  # taskruns waiting for their (next) attempt


def not_yet_due(execution) -> bool:
    """A CREATED execution whose scheduleDate is still to come (Kestra's ExecutionDelay)."""
    return (execution.state == State.CREATED.value and execution.schedule_date is not None
            and execution.schedule_date > timezone.now())


class Executor:
    def __init__(self, execution_id: str, dispatch: Dispatch | None = None, spawn: Spawn | None = None):
        self.execution_id = execution_id
        self.dispatch = dispatch
        self.spawn = spawn
        self.view: ExecutionView | None = None
        self.index = None
        self.executables = EngineExecutableRuntime(self)

    # --- the loop ------------------------------------------------------------------
    def advance(self, ended: set[str] | None = None) -> ExecutionView:
        """Decide and do everything possible now; return the (written-through) view.
        `ended`: the taskruns whose workers ended since the last advance, when the
        caller knows them all (see round_transaction.refreshed)."""
        self._use(refreshed(self.view, self.execution_id, ended))
        if self.view.execution.is_terminal:
            self._start_retry_execution()
            return self.view
        self._index_ready()
        while True:
            try:
                with transaction.atomic(), batched_logs():
                    self.executables.take_started()  # those of a round that rolled back
                    self._use(locked(self.view))
                    self._index_ready()
                    changed, to_dispatch = rounds(self._round, self._must_commit)
                    insert_created(self.view)
            except BaseException:
                self.view = None  # rolled back: the next advance reads the database again
                raise
            for child_id in self.executables.take_started():
                if self.spawn is not None:
                    self.spawn(child_id)
            for taskrun_id in to_dispatch:
                if self.dispatch is None:
                    raise RuntimeError("a runnable task needs a worker but this executor has none")
                self.dispatch(self.execution_id, taskrun_id)
            if not changed or self.view.execution.is_terminal:
                return self.view

    def _must_commit(self) -> bool:
        """A started execution must see its parent's round committed; an ended one has
        nothing more to decide."""
        return bool(self.executables.started) or self.view.execution.is_terminal

    def _start_retry_execution(self):
        """An execution RETRIED by `behavior: CREATE_NEW_EXECUTION` starts its successor
        once the retry's wait has passed (see execution_retry)."""
        child_id = start_new_execution_if_due(self.view)
        if child_id is not None and self.spawn is not None:
            self.spawn(child_id)

    def _use(self, view: ExecutionView):
        """Decide on `view` from now on; a view loaded anew needs its index made again."""
        if view is not self.view:
            self.view, self.index = view, None

    def _index_ready(self):
        """The flow's tasks, with those its flowables inlined, for the view as loaded."""
        if self.index is None:
            self.index = index_for_source(flow_source(self.view.execution))
            self._register_inlined_tasks()

    def _register_inlined_tasks(self):
        """Tasks a flowable inlined at run time (a Template's) are remembered in its memo."""
        for tr in self.view.taskruns.values():
            if tr.memo.get("inlineTasks"):
                self.index.add(tr.memo["inlineTasks"])

    # --- one round -----------------------------------------------------------------
    def _round(self) -> tuple[bool, list[str]]:
        view, ex = self.view, self.view.execution
        if ex.is_terminal:
            return False, []
        changed = False
        if not_yet_due(ex):
            return False, []  # a scheduleDate to come: the sweeper asks again once it passed
        if ex.state == State.BREAKPOINT.value:
            return False, []  # held at a breakpoint: nothing moves until resumed from it
        if ex.state in STARTING:
            start = State.RUNNING
            if ex.state != State.RESTARTED.value:  # a restart reuses the slot it is given back
                start = admission(ex, self.index.spec.concurrency)
            if start == State.QUEUED and ex.state == State.QUEUED.value:
                return False, []  # still waiting for a slot
            self._set_execution_state(start)
            if start != State.RUNNING:
                return True, []
            changed = True
        killing = ex.state == State.KILLING.value
        retry = failure_to_retry(view, self.index) if not killing else None
        if retry is not None:
            mark_retried(view, *retry)
            return True, []
        held = ex.state == State.PAUSED.value and not self._pause_tasks_waiting()
        if held:  # paused by a person: nothing moves until resumed
            return False, []
        runtime = BranchRuntime(view, self.render_for, self.index)
        to_create: list[tuple[TaskRun | None, object]] = []
        changed |= self._resolve_flowables(runtime, killing, to_create)
        if not killing:
            spec = self.index.spec
            root = runtime.with_handlers(runtime.sequential(spec.tasks, None), None, spec.errors, spec.finally_)
            if root.done:
                # afterExecution runs once the outcome is known, sees it as execution.state,
                # and does not change it.
                view.outcome = root.state
                after = runtime.sequential(spec.after_execution, None)
                if after.done and not view.active():
                    self._finish(root.state)
                    return True, []
                to_create.extend((None, child) for child in after.create)
            else:
                to_create.extend((None, child) for child in root.create)
        elif not view.active():
            self._finish(State.KILLED)
            return True, []
        for parent, child in to_create:
            create_taskrun(self.view, parent, child)
            changed = True
        if not killing and hold_at_breakpoints(view, set_taskrun_state, self._set_execution_state):
            return True, []
        to_dispatch: list[str] = []
        changed |= self._start_tasks(killing, to_dispatch)
        changed |= self._follow_pauses()
        return changed, to_dispatch

    def _resolve_flowables(self, runtime, killing, to_create) -> bool:
        """Ask each unfinished flowable, latest first (a parent then sees its children's
        fresh states), for its next children or its final state."""
        changed = False
        limits = expression_limits()
        for tr in reversed(self.view.active()):
            task = self.index.task(tr.task_id)
            if not task.flowable:
                continue
            if tr.state in STARTING:
                set_taskrun_state(tr, State.RUNNING)
                changed = True
            if killing:
                if all(c.is_terminal for c in self.view.children(tr.id)):
                    set_taskrun_state(tr, State.KILLED)
                    self._after_flowable(task, tr)
                    changed = True
                continue
            try:
                with expressions.within(expressions.Budget(limits)):  # a flowable's own patterns obey the settings
                    step = task.resolve(runtime, tr)
            except DatabaseError:
                raise
            except Exception as exc:  # a task's error fails that task, not the engine
                fail_taskrun(self.view.execution, tr, exc)
                self._after_flowable(task, tr)
                changed = True
                continue
            if step.done:
                set_taskrun_state(tr, self._allowed(task, step.state))
                self._end_unfinished_children(tr)
                self._after_flowable(task, tr)
                changed = True
            else:
                to_create.extend((tr, child) for child in step.create)
        return changed

    def _end_unfinished_children(self, tr: TaskRun):
        """A flowable that ended (a Parallel after a failure) gives its state to the
        children still unfinished, and theirs, as Kestra 1.x's executor does
        (kestra-io/kestra#10747): none stays RUNNING under an ended parent. A worker
        still running one of them writes its own result when it ends."""
        for child in self.view.children(tr.id):
            if not child.is_terminal:
                if child.state == State.RUNNING.value:
                    self.view.ended_under_worker(child)
                set_taskrun_state(child, State(tr.state))
                self._end_unfinished_children(child)

    def _after_flowable(self, task, tr):
        """A flowable ended, however: let it release what it holds (a WorkingDirectory's folder)."""
        finished = getattr(task, "finished", None)
        if finished is not None:
            finished(tr)

    def _allowed(self, task, state):
        """allowFailure turns a failure into a warning, and allowWarning a warning (that
        one too) into a success, as Kestra's guessFinalState does."""
        if state == State.FAILED and task.get("allowFailure"):
            state = State.WARNING
        if state == State.WARNING and task.get("allowWarning"):
            return State.SUCCESS
        return state

    def _start_tasks(self, killing: bool, to_dispatch: list) -> bool:
        """Start, poll or kill the runnable and executable taskruns."""
        changed = False
        now = timezone.now()
        for tr in self.view.active():
            task = self.index.task(tr.task_id)
            if task.flowable:
                continue
            if task.executable:
                changed |= self._drive_executable(task, tr, killing)
                continue
            state = State(tr.state)
            if state == State.RUNNING and orphaned(self.view, tr):
                state, changed = retry_orphan(self.view, tr), True
                if state == State.FAILED:
                    continue
            if killing:
                if state in (*TO_START, State.RETRYING, State.BREAKPOINT):
                    set_taskrun_state(tr, State.KILLED)
                    changed = True
                continue
            due = state in TO_START or (state == State.RETRYING and (tr.wait_until is None or tr.wait_until <= now))
            if not due:
                continue
            if state in TO_START and not self._should_run(task, tr):
                changed = True
                continue
            if task.lightweight:
                # Run here, under the execution's lock: no other executor can pick it up,
                # and workers are never given lightweight tasks, so no claim is needed.
                start_attempt(tr)
                run_attempt(self.view, self.index.spec, task, tr)
                self.view.outputs_changed(tr)
                changed = True
            else:
                to_dispatch.append(tr.id)
        return changed

    def _should_run(self, task, tr) -> bool:
        """runIf: a false condition skips the task; one that cannot render fails it."""
        if task.get("runIf") is None:
            return True
        try:
            run = expressions.is_truthy(self.render_for(task.get("runIf"), tr))
        except ExpressionError as exc:
            fail_taskrun(self.view.execution, tr, exc)
            return False
        if not run:
            set_taskrun_state(tr, State.SKIPPED)
        return run

    def _drive_executable(self, task, tr, killing: bool) -> bool:
        rt = self.executables
        if killing:
            task.kill(rt, tr)
            set_taskrun_state(tr, State.KILLED)
            return True
        changed = False
        try:
            if State(tr.state) in TO_START:
                if not self._should_run(task, tr):
                    return True
                set_taskrun_state(tr, State.RUNNING)
                task.start(rt, tr)
                changed = True
            final = task.poll(rt, tr)
        except DatabaseError:
            raise
        except Exception as exc:  # a task's error fails that task, not the engine
            fail_taskrun(self.view.execution, tr, exc, with_attempt=True)
            return True
        if final is not None:
            set_taskrun_state(tr, self._allowed(task, State(final)))
            self._record_final_attempt(task, tr)
            self.view.outputs_changed(tr)
            changed = True
        return changed

    def _record_final_attempt(self, task, tr: TaskRun):
        history = task.final_attempt(tr)
        if history:
            attempt = {"state": {"current": history[-1]["state"], "histories": history}}
            tr.attempts = [*tr.attempts, attempt]
            tr.save_fields("attempts")

    def _pause_tasks_waiting(self) -> bool:
        return any(tr.state == State.PAUSED.value for tr in self.view.active())

    def _follow_pauses(self) -> bool:
        """The execution is PAUSED while a Pause task waits, RUNNING again after."""
        ex = self.view.execution
        waiting = self._pause_tasks_waiting()
        if waiting and ex.state == State.RUNNING.value:
            self._set_execution_state(State.PAUSED)
            return True
        if not waiting and ex.state == State.PAUSED.value:
            self._set_execution_state(State.RUNNING)
            return True
        return False

    # --- writes (round_writes) -----------------------------------------------------
    def _set_execution_state(self, state: State):
        set_execution_state(self.view.execution, state)

    def _finish(self, state: State):
        ex = self.view.execution
        if state.value in RENDERED_FOR and self.index.spec.outputs:
            try:
                ex.outputs = render_flow_outputs(self.index.spec.outputs, self.context_for(None))
            except (ExpressionError, ValueError) as exc:
                ExecutionLogger(ex).error(f"Failed to render output values: {exc}")
                state = State.FAILED
        self._set_execution_state(state)

    # --- expressions ---------------------------------------------------------------
    def context_for(self, tr: TaskRun | None) -> EngineRunContext:
        task = self.index.task(tr.task_id) if tr is not None else None
        return EngineRunContext(self.view, self.index.spec, tr, task)

    def render_for(self, value, tr: TaskRun | None):
        return self.context_for(tr).render(value)
