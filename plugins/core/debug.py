"""Return: render a value and expose it as the task's output."""
from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class Return(RunnableTask):
    type = "io.kestra.plugin.core.debug.Return"
    aliases = ("io.kestra.core.tasks.debugs.Return",)
    title = "Return a value for debugging purposes."
    description = "Renders `format` and returns it as the output `value`."
    lightweight = True
    properties = (Property("format", description="The templated string to render."),)
    outputs = (Output("value", "string", "The rendered value."),)
    examples = (Example("Return the flow id",
                        "id: r\ntype: io.kestra.plugin.core.debug.Return\nformat: '{{ flow.id }}'"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        value = ctx.render_property("format")
        return {"value": value}
