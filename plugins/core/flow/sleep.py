"""Sleep: wait for a duration, interruptible by kill and timeout."""
from plugins.properties import Property
from plugins.registry import register
from plugins.task import RunnableTask


@register
class Sleep(RunnableTask):
    type = "io.kestra.plugin.core.flow.Sleep"
    aliases = ("io.kestra.core.tasks.flows.Sleep",)
    title = "Pause the flow for a duration, then go on."
    properties = (Property("duration", "duration", required=True, description="How long to wait (ISO-8601)."),)

    def run(self, ctx):
        from plugins.durations import parse_duration

        ctx.sleep(parse_duration(ctx.render_property("duration")).total_seconds())
        return {}
