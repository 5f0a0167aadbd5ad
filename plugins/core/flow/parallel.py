"""Parallel: children side by side, at most `concurrent` at a time.

As in Kestra, the `errors` branch starts as soon as a child fails: Kestra's flowables
follow their errors once any child has failed, without waiting for the siblings still
running. No new child starts after a failure; the task ends FAILED once its errors
branch and its running children are done (Kestra may close it earlier and leave a
running child to finish on its own; waiting keeps the children's final states)."""
from plugins.flowable import Step
from plugins.properties import Property
from plugins.registry import register
from plugins.states import State
from plugins.task import FlowableTask

from .sequential import TASKS


@register
class Parallel(FlowableTask):
    type = "io.kestra.plugin.core.flow.Parallel"
    aliases = ("io.kestra.core.tasks.flows.Parallel",)
    title = "Run tasks in parallel."
    description = ("All children start at once, or at most `concurrent` at a time. After a failure no new "
                   "child starts and the `errors` tasks start at once; the task fails once they and the "
                   "running children are done.")
    properties = (TASKS, Property("concurrent", "integer", default=0, dynamic=False,
                                  description="How many children run at once; 0 means no limit."))

    def resolve(self, rt, taskrun):
        step = rt.parallel(self.spec["tasks"], taskrun, limit=int(self.get("concurrent") or 0))
        if not step.done and self.spec.get("errors") and self._a_child_failed(rt, taskrun):
            handled = rt.sequential(self.spec["errors"], taskrun)
            return Step(create=handled.create)  # nothing more to create: wait for the siblings
        return self.tasks_with_handlers(rt, taskrun, step)

    def _a_child_failed(self, rt, taskrun) -> bool:
        ids = {spec.get("id") for spec in self.spec["tasks"]}
        return any(c.task_id in ids and c.state == State.FAILED.value for c in rt.children(taskrun))
