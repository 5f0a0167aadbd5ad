"""Parallel: children side by side, at most `concurrent` at a time.

As in Kestra 1.x, a failed child decides the outcome at once: no new child starts, the
`errors` then `finally` branches run without waiting for the siblings still running,
and the task ends FAILED as soon as they ended (Execution.findTaskDependingFlowState and
FlowableUtils.resolveState look only at the failure and the handlers). The siblings
still running then take the task's state, as every unfinished child of an ended
flowable does (see the executor); a worker still running one writes its own result
when it ends."""
from plugins.api.flowable import ChildLayout, FlowableRuntime, Step
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

from .sequential import TASKS


@register
class Parallel(FlowableTask):
    type = "io.kestra.plugin.core.flow.Parallel"
    aliases = ("io.kestra.core.tasks.flows.Parallel",)
    children_layout = ChildLayout.SIDE_BY_SIDE
    title = "Run tasks in parallel."
    examples = (Example("Run three tasks at once, two at a time", """\
id: parallel
type: io.kestra.plugin.core.flow.Parallel
concurrent: 2
tasks:
  - id: one
    type: io.kestra.plugin.core.log.Log
    message: one
  - id: two
    type: io.kestra.plugin.core.log.Log
    message: two
  - id: three
    type: io.kestra.plugin.core.log.Log
    message: three
"""),)
    description = ("All children start at once, or at most `concurrent` at a time. After a failure no new "
                   "child starts, the `errors` tasks start at once and the task fails once they ended, "
                   "without waiting for the children still running.")
    properties = (TASKS, Property("concurrent", "integer", default=0, dynamic=False,
                                  description="How many children run at once; 0 means no limit."))

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        step = rt.parallel(self.spec["tasks"], taskrun, limit=int(self.get("concurrent") or 0))
        return self.tasks_with_handlers(rt, taskrun, step)
