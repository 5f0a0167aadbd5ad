"""Fail: end the task (and so the branch) FAILED, optionally only when a condition holds."""
import expressions
from plugins.context import TaskFailed
from plugins.properties import Example, Property
from plugins.registry import register
from plugins.task import RunnableTask


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
    examples = (Example("Fail on a condition", "id: fail\ntype: io.kestra.plugin.core.execution.Fail\n"
                                                 "condition: \"{{ inputs.param == 'fail' }}\""),)

    def run(self, ctx):
        condition = self.get("condition")
        if condition is not None and not expressions.is_truthy(ctx.render(condition)):
            return {}
        raise TaskFailed(str(ctx.render_property("errorMessage")))


@register
class Labels(RunnableTask):
    type = "io.kestra.plugin.core.execution.Labels"
    aliases = ("io.kestra.core.tasks.executions.Labels",)
    title = "Add or update labels of the current execution."
    description = "`labels` is a map of key to value, or a list of {key, value}; values are rendered."
    lightweight = True
    properties = (Property("labels", "any", required=True, description="The labels to set."),)

    def run(self, ctx):
        labels = ctx.render_property("labels")
        if isinstance(labels, list):
            labels = {item["key"]: item["value"] for item in labels}
        if not isinstance(labels, dict):
            raise TaskFailed(f"'{self.id}': labels must be a map or a list of key/value pairs")
        ctx.add_labels({str(k): "" if v is None else str(v) for k, v in labels.items()})
        return {}
