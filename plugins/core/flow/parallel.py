"""Parallel: children side by side, at most `concurrent` at a time."""
from plugins.properties import Property
from plugins.registry import register
from plugins.task import FlowableTask

from .sequential import TASKS


@register
class Parallel(FlowableTask):
    type = "io.kestra.plugin.core.flow.Parallel"
    aliases = ("io.kestra.core.tasks.flows.Parallel",)
    title = "Run tasks in parallel."
    description = ("All children start at once, or at most `concurrent` at a time. After a failure no new "
                   "child starts; the running ones finish and the task fails.")
    properties = (TASKS, Property("concurrent", "integer", default=0, dynamic=False,
                                  description="How many children run at once; 0 means no limit."))

    def resolve(self, rt, taskrun):
        step = rt.parallel(self.spec["tasks"], taskrun, limit=int(self.get("concurrent") or 0))
        return self.tasks_with_handlers(rt, taskrun, step)
