"""Pause: stop this branch until a duration passes or someone resumes the execution.

A plain Pause is carried by the executor (start/poll). Old flows may give it `tasks`
(deprecated in Kestra, which still runs them): that Pause is a flowable instead. It goes
PAUSED first, and once the pause ends (by its duration, its timeout or a resume, which
Kestra all turn into going on when there are tasks) it runs `tasks` in order, then its
`errors` and `finally` like any flowable (Kestra 1.x goes on the same way when a Pause
has only `errors` or `finally`)."""
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from plugins.api.durations import after, parse_duration
from plugins.api.executable import ExecutableRuntime
from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import FLOWABLE_PROPERTIES, Example, Output, Property
from plugins.api.registry import register
from plugins.api.states import State
from plugins.api.task import ExecutableTask
from plugins.api.taskrun import TaskRunModel

# What happens when the pause duration is over (Kestra's Pause `behavior`).
BEHAVIOURS = {"RESUME": State.SUCCESS, "WARN": State.WARNING, "FAIL": State.FAILED, "CANCEL": State.CANCELLED}


@register
class Pause(ExecutableTask):
    type = "io.kestra.plugin.core.flow.Pause"
    aliases = ("io.kestra.core.tasks.flows.Pause",)
    title = "Pause the execution until a duration passes or it is resumed."
    examples = (Example("Pause, then go on by itself after a short while", """\
id: pause
type: io.kestra.plugin.core.flow.Pause
pauseDuration: PT0.2S
"""),)
    description = ("With `pauseDuration` (or the older `delay`) the task ends by itself after that duration, as "
                   "`behavior` says (RESUME by default). With only `timeout`, it waits for a manual resume and "
                   "fails when none comes in time. Without either, it waits for a manual resume. `onResume` "
                   "declares inputs given on resume, exposed as `outputs.<id>.onResume`. The deprecated `tasks` "
                   "run once the pause ends.")
    properties = (
        Property("pauseDuration", "duration", description="How long to pause before going on by itself."),
        Property("delay", "duration", description="Deprecated name of pauseDuration."),
        Property("behavior", "enum", default="RESUME", values=tuple(BEHAVIOURS),
                 description="What to do when the pause duration is over."),
        Property("onResume", "array", dynamic=False, items="input", description="Inputs asked for when resuming."),
        Property("tasks", "tasks", dynamic=False, description="Deprecated: tasks run after the pause."),
        *FLOWABLE_PROPERTIES,
    )
    outputs = (Output("onResume", "object", "The inputs given on resume."),)

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(spec)
        if any(spec.get(key) for key in ("tasks", "errors", "finally")):  # a flowable (see the docstring)
            self.flowable, self.executable = True, False

    def _wait(self, render: Callable[[Any], Any], memo: dict[str, Any]) -> timedelta | None:
        """How long to stay paused (None: until a resume), noting in `memo` how it ends."""
        duration = self.get("pauseDuration") or self.get("delay")
        if duration:
            memo["ends"] = str(self.get("behavior") or "RESUME").upper()
            return parse_duration(render(duration))
        if self.get("timeout"):
            memo["ends"] = "FAIL"
            return parse_duration(render(self.get("timeout")))
        return None

    def start(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        memo = rt.memo(taskrun)
        wait = self._wait(lambda value: rt.render(value, taskrun), memo)
        rt.save_memo(taskrun)
        rt.set_state(taskrun, State.PAUSED, wait_until=after(rt.now(), wait) if wait is not None else None)

    def poll(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> Any:
        if taskrun.state == State.RUNNING.value:  # resumed by someone
            return State.SUCCESS
        if taskrun.wait_until is not None and rt.now() >= taskrun.wait_until:
            ends = rt.memo(taskrun).get("ends", "RESUME")
            if ends == "FAIL":
                rt.logger(taskrun).error("Pause timed out: no resume came in time")
            return BEHAVIOURS.get(ends, State.SUCCESS)
        return None

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        """The flowable form (with `tasks`)."""
        memo = rt.memo(taskrun)
        if not memo.get("paused"):
            memo["paused"] = True
            wait = self._wait(lambda value: rt.render(value, taskrun), memo)
            rt.save_memo(taskrun)
            rt.set_paused(taskrun, True, rt.now() + wait if wait is not None else None)
            return Step()
        if taskrun.state == State.PAUSED.value:
            if taskrun.wait_until is None or rt.now() < taskrun.wait_until:
                return Step()
            rt.set_paused(taskrun, False)
        step = rt.sequential(self.spec.get("tasks") or [], taskrun)
        return rt.with_handlers(step, taskrun, self.spec.get("errors"), self.spec.get("finally"))
