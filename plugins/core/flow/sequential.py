"""Sequential and AllowFailure: children one after the other."""
from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.states import State
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

TASKS = Property("tasks", "tasks", required=True, dynamic=False, description="The tasks to run.")


@register
class Sequential(FlowableTask):
    type = "io.kestra.plugin.core.flow.Sequential"
    aliases = ("io.kestra.core.tasks.flows.Sequential",)
    title = "Run tasks sequentially, one after the other."
    examples = (Example("Run two tasks one after the other", """\
id: sequential
type: io.kestra.plugin.core.flow.Sequential
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: first
  - id: second
    type: io.kestra.plugin.core.log.Log
    message: "after {{ outputs.first is defined }}"
"""),)
    properties = (TASKS,)

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        return self.tasks_with_handlers(rt, taskrun, rt.sequential(self.spec["tasks"], taskrun))


@register
class AllowFailure(Sequential):
    type = "io.kestra.plugin.core.flow.AllowFailure"
    aliases = ("io.kestra.core.tasks.flows.AllowFailure",)
    title = "Let a block of tasks fail without failing the flow: a failure ends the block WARNING."
    examples = (Example("A failing task ends the block WARNING; the flow goes on", """\
id: tolerated
type: io.kestra.plugin.core.flow.AllowFailure
tasks:
  - id: fails
    type: io.kestra.plugin.core.execution.Fail
    errorMessage: expected failure
"""),)

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        step = super().resolve(rt, taskrun)
        if step.state == State.FAILED:
            return Step(state=State.WARNING)
        return step
