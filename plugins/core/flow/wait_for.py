"""WaitFor (now LoopUntil): run the tasks again and again until a condition holds.

Each iteration's taskruns carry the iteration number as their value; outputs are not
keyed by it, so `outputs.<task>` is the latest iteration's, as in Kestra."""
import expressions
from plugins.durations import parse_duration
from plugins.flowable import Step
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.states import FAILING, State
from plugins.task import FlowableTask

from .sequential import TASKS


@register
class WaitFor(FlowableTask):
    type = "io.kestra.plugin.core.flow.WaitFor"
    title = "Run tasks repeatedly until a condition is true."
    default_frequency = {"maxIterations": 100, "maxDuration": "PT1H", "interval": "PT1S"}
    properties = (
        Property("condition", required=True, description="Rendered after each iteration; true ends the loop."),
        TASKS,
        Property("checkFrequency", "object", dynamic=False,
                 description="maxIterations, maxDuration and interval between iterations."),
        Property("failOnMaxReached", "boolean", default=False, dynamic=False,
                 description="Fail when maxIterations or maxDuration is reached."),
    )
    outputs = (Output("iterationCount", "integer", "Iterations run so far."),)

    def _frequency(self):
        return {**self.default_frequency, **(self.get("checkFrequency") or {})}

    def resolve(self, rt, taskrun):
        memo = rt.memo(taskrun)
        if "iteration" not in memo:
            memo.update(iteration=0, started=rt.now().isoformat())
            rt.save_memo(taskrun)
            rt.set_outputs(taskrun, {"iterationCount": 1})
        if taskrun.wait_until is not None:
            if rt.now() < taskrun.wait_until:
                return Step()
            rt.set_wait(taskrun, None)
        iteration = memo["iteration"]
        step = rt.sequential(self.spec["tasks"], taskrun, value=str(iteration))
        if not step.done or step.state in FAILING:
            return self.tasks_with_handlers(rt, taskrun, step)
        if expressions.is_truthy(rt.render(self.spec["condition"], taskrun)):
            return self.tasks_with_handlers(rt, taskrun, step)
        return self._next_iteration(rt, taskrun, memo, iteration)

    def _next_iteration(self, rt, taskrun, memo, iteration):
        reached = self._maximum_reached(rt, memo, iteration + 1)
        if reached:
            rt.log(taskrun, "WARN", reached)  # Kestra's words
            state = State.FAILED if self.get("failOnMaxReached") else State.SUCCESS
            return self.tasks_with_handlers(rt, taskrun, Step(state=state))
        memo["iteration"] = iteration + 1
        rt.save_memo(taskrun)
        rt.set_outputs(taskrun, {"iterationCount": iteration + 2})
        rt.set_wait(taskrun, rt.now() + parse_duration(self._frequency()["interval"]))
        return Step()

    def _maximum_reached(self, rt, memo, iterations_run: int) -> str | None:
        """Why the loop must stop though its condition is still false, if it must: no
        bound set means no limit (LoopUntil's default)."""
        from datetime import datetime

        frequency = self._frequency()
        if frequency.get("maxIterations") is not None and iterations_run >= int(frequency["maxIterations"]):
            return "Max iterations reached"
        max_duration = frequency.get("maxDuration")
        if max_duration is not None and rt.now() - datetime.fromisoformat(memo["started"]) >= parse_duration(max_duration):
            return "Max duration reached"
        return None


@register
class LoopUntil(WaitFor):
    type = "io.kestra.plugin.core.flow.LoopUntil"
    title = "Run tasks repeatedly until a condition is true (the new name of WaitFor)."
    default_frequency = {"interval": "PT1M"}  # no bound unless set, since Kestra 0.23
