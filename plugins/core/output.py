"""OutputValues: expose rendered values as outputs for later tasks."""
from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class OutputValues(RunnableTask):
    type = "io.kestra.plugin.core.output.OutputValues"
    aliases = ("io.kestra.core.tasks.outputs.OutputValues",)
    title = "Output one or more values."
    examples = (Example("Output values for later tasks and the flow's outputs", """\
id: values
type: io.kestra.plugin.core.output.OutputValues
values:
  greeting: "Hello {{ flow.id }}"
  count: 3
"""),)
    lightweight = True
    properties = (Property("values", "object", description="The values to output, rendered."),)
    outputs = (Output("values", "object", "The rendered values."),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        return {"values": ctx.render_property("values") or {}}
