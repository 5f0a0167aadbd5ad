"""Pause: stop this branch until a duration passes or someone resumes the execution."""
from plugins.durations import parse_duration
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.states import State
from plugins.task import ExecutableTask

# What happens when the pause duration is over (Kestra's Pause `behavior`).
BEHAVIOURS = {"RESUME": State.SUCCESS, "WARN": State.WARNING, "FAIL": State.FAILED, "CANCEL": State.CANCELLED}


@register
class Pause(ExecutableTask):
    type = "io.kestra.plugin.core.flow.Pause"
    aliases = ("io.kestra.core.tasks.flows.Pause",)
    title = "Pause the execution until a duration passes or it is resumed."
    description = ("With `pauseDuration` (or the older `delay`) the task ends by itself after that duration, as "
                   "`behavior` says (RESUME by default). With only `timeout`, it waits for a manual resume and "
                   "fails when none comes in time. Without either, it waits for a manual resume. `onResume` "
                   "declares inputs given on resume, exposed as `outputs.<id>.onResume`.")
    properties = (
        Property("pauseDuration", "duration", description="How long to pause before going on by itself."),
        Property("delay", "duration", description="Deprecated name of pauseDuration."),
        Property("behavior", "enum", default="RESUME", values=tuple(BEHAVIOURS),
                 description="What to do when the pause duration is over."),
        Property("onResume", "array", dynamic=False, description="Inputs asked for when resuming."),
    )
    outputs = (Output("onResume", "object", "The inputs given on resume."),)

    def start(self, rt, taskrun):
        duration = self.get("pauseDuration") or self.get("delay")
        timeout = self.get("timeout")
        memo = rt.memo(taskrun)
        if duration:
            memo["ends"] = str(self.get("behavior") or "RESUME").upper()
            wait = parse_duration(rt.render(duration, taskrun))
        elif timeout:
            memo["ends"] = "FAIL"
            wait = parse_duration(rt.render(timeout, taskrun))
        else:
            wait = None
        rt.save_memo(taskrun)
        rt.set_state(taskrun, State.PAUSED, wait_until=rt.now() + wait if wait is not None else None)

    def poll(self, rt, taskrun):
        if taskrun.state == State.RUNNING.value:  # resumed by someone
            return State.SUCCESS
        if taskrun.wait_until is not None and rt.now() >= taskrun.wait_until:
            ends = rt.memo(taskrun).get("ends", "RESUME")
            if ends == "FAIL":
                rt.logger(taskrun).error("Pause timed out: no resume came in time")
            return BEHAVIOURS.get(ends, State.SUCCESS)
        return None
