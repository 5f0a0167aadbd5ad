"""LoopUntil (formerly WaitFor): run the tasks again and again until a condition holds.

As in Kestra, an iteration's taskruns carry no loop value (a LoopUntil inside a ForEach
passes its own value down, like any flowable) and each new iteration replaces the
previous one's taskruns: the execution keeps only the latest, so `outputs.<task>` is
the latest iteration's and the taskrun count does not grow with iterations. Their logs
stay. The memo's `iteration` is Kestra's `taskrun.iteration` of the current children,
counted from 1.

Between two iterations the LoopUntil taskrun is PAUSED until `checkFrequency.interval`
has passed, and so is the execution (Kestra's ExecutorService pauses the flowable with
ExecutionService.pauseFlowable and continues it with retryWaitFor).

Current Kestra has one class for both names (WaitFor is an alias of LoopUntil), so both
get LoopUntil's defaults since 0.23: a check every minute and no cap on iterations or
duration unless `checkFrequency` sets one."""
import re
from datetime import datetime, timedelta
from typing import Any

import expressions
from plugins.api.context import TaskFailed
from plugins.api.durations import DurationError, after, parse_duration
from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.states import FAILING, State
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

from .sequential import TASKS

DEFAULT_FREQUENCY = {"interval": "PT1M"}
INTEGER = re.compile(r"[-+]?\d+")


@register
class LoopUntil(FlowableTask):
    type = "io.kestra.plugin.core.flow.LoopUntil"
    aliases = ("io.kestra.plugin.core.flow.WaitFor",)
    title = "Run tasks repeatedly until a condition is true."
    examples = (Example("Count until the third iteration", """\
id: until
type: io.kestra.plugin.core.flow.LoopUntil
condition: "{{ outputs.count.value | number >= 3 }}"
checkFrequency:
  maxIterations: 10
  interval: PT0.1S
tasks:
  - id: count
    type: io.kestra.plugin.core.debug.Return
    format: "{{ taskrun.iteration ?? 0 }}"
"""),)
    properties = (
        Property("condition", required=True, description="Rendered after each iteration; true ends the loop."),
        TASKS,
        Property("checkFrequency", "object", dynamic=False,
                 description="maxIterations and maxDuration (no limit when unset) and the interval between "
                             "iterations (default PT1M).",
                 fields=(Property("maxIterations", "integer", minimum=1), Property("maxDuration", "duration"),
                         Property("interval", "duration"))),
        Property("failOnMaxReached", "boolean", default=False, dynamic=False,
                 description="Fail when maxIterations or maxDuration is reached."),
    )
    outputs = (Output("iterationCount", "integer", "Iterations run so far."),)

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """checkFrequency's interval and maxDuration are Durations in Kestra's
        CheckFrequency: a flow with a literal one that is not is refused when saved; an
        expression is rendered and checked at run time, as Kestra's Property<Duration>."""
        frequency = spec.get("checkFrequency")
        problems: list[tuple[str, str]] = []
        for key in ("interval", "maxDuration"):
            value = frequency.get(key) if isinstance(frequency, dict) else None
            if value is None or expressions.is_expression(value):
                continue
            try:
                parse_duration(value)
            except DurationError as exc:
                problems.append((f"checkFrequency.{key}", str(exc)))
        return problems

    def _frequency(self) -> dict[str, Any]:
        return {**DEFAULT_FREQUENCY, **(self.get("checkFrequency") or {})}

    def _rendered(self, rt: FlowableRuntime, taskrun: TaskRunModel, key: str) -> Any:
        """checkFrequency.<key> rendered and converted as Kestra's CheckFrequency does
        (`runContext.render(property).as(Integer/Duration)`, each positive: an int for
        maxIterations, a timedelta for the others); None when
        unset. A value that renders to something else fails the task naming it."""
        raw = self._frequency().get(key)
        if raw is None:
            return None
        value = rt.render(raw, taskrun)
        if key == "maxIterations":
            return self._positive_integer(key, value)
        try:
            duration = parse_duration(value)
        except DurationError as exc:
            raise TaskFailed(f"LoopUntil '{self.id}': checkFrequency.{key}: {exc}") from None
        if duration <= timedelta(0):
            raise TaskFailed(f"LoopUntil '{self.id}': checkFrequency.{key} must be a positive duration, "
                             f"got '{value}'")
        return duration

    def _positive_integer(self, key: str, value: Any) -> int:
        text = str(value).strip()
        if isinstance(value, bool) or not INTEGER.fullmatch(text) or int(text) < 1:
            raise TaskFailed(f"LoopUntil '{self.id}': checkFrequency.{key} must be a positive integer, "
                             f"got '{value}'")
        return int(text)

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        memo = rt.memo(taskrun)
        if "iteration" not in memo:
            memo.update(iteration=1, started=rt.now().isoformat())
            rt.save_memo(taskrun)
            rt.set_outputs(taskrun, {"iterationCount": 1})
        if taskrun.state == State.PAUSED.value:
            if taskrun.wait_until is not None and rt.now() < taskrun.wait_until:
                return Step()
            rt.continue_loop(taskrun)  # the new iteration replaces the previous one
        step = rt.sequential(self.spec["tasks"], taskrun, number=memo["iteration"])
        if not step.done or step.state in FAILING:
            return self.tasks_with_handlers(rt, taskrun, step)
        if expressions.is_truthy(rt.render(self.spec["condition"], taskrun)):
            return self.tasks_with_handlers(rt, taskrun, step)
        return self._next_iteration(rt, taskrun, memo)

    def _next_iteration(self, rt: FlowableRuntime, taskrun: TaskRunModel, memo: dict[str, Any]) -> Step:
        reached = self._maximum_reached(rt, taskrun, memo)
        if reached:
            rt.log(taskrun, "WARN", reached)  # Kestra's words
            state = State.FAILED if self.get("failOnMaxReached") else State.SUCCESS
            return self.tasks_with_handlers(rt, taskrun, Step(state=state))
        memo["iteration"] += 1
        rt.save_memo(taskrun)
        rt.set_outputs(taskrun, {"iterationCount": memo["iteration"]})
        rt.set_paused(taskrun, True, after(rt.now(), self._rendered(rt, taskrun, "interval")))
        return Step()

    def _maximum_reached(self, rt: FlowableRuntime, taskrun: TaskRunModel, memo: dict[str, Any]) -> str | None:
        """Why the loop must stop though its condition is still false, if it must."""
        max_iterations = self._rendered(rt, taskrun, "maxIterations")
        if max_iterations is not None and memo["iteration"] >= max_iterations:
            return "Max iterations reached"
        max_duration = self._rendered(rt, taskrun, "maxDuration")
        if max_duration is not None and rt.now() - datetime.fromisoformat(memo["started"]) >= max_duration:
            return "Max duration reached"
        return None
