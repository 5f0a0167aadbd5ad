"""Fail: end the task (and so the branch) FAILED, optionally only when a condition holds.
(The execution's Labels task lives in plugins.core.labels.)"""
import expressions
from plugins.api.context import TaskFailed
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class Fail(RunnableTask):
    type = "io.kestra.plugin.core.execution.Fail"
    aliases = ("io.kestra.core.tasks.executions.Fail",)
    title = "Fail the execution."
    description = "Fails with `errorMessage`; with a `condition`, only when it renders true."
    lightweight = True
    properties = (
        Property("condition", description="Fail only when this renders true."),
        Property("errorMessage", default="Task failure", description="The error message."),
    )
    examples = (Example("Fail when an input asks for it", """\
id: fail_on_input
namespace: company.team
inputs:
  - id: param
    type: STRING
    defaults: go on
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ inputs.param == 'fail' }}"
    errorMessage: "Asked to fail by the input"
  - id: done
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.param }}"
""", full=True),)

    def run(self, ctx):
        condition = self.get("condition")
        if condition is not None and not expressions.is_truthy(ctx.render(condition)):
            return {}
        raise TaskFailed(str(ctx.render_property("errorMessage")))

