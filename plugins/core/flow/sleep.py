"""Sleep: wait for a duration, interruptible by kill and timeout."""
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.durations import DurationError, format_duration, parse_duration
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class Sleep(RunnableTask):
    type = "io.kestra.plugin.core.flow.Sleep"
    aliases = ("io.kestra.core.tasks.flows.Sleep",)
    title = "Pause the flow for a duration, then go on."
    examples = (Example("Wait half a second", """\
id: sleep
type: io.kestra.plugin.core.flow.Sleep
duration: PT0.5S
"""),)
    properties = (Property("duration", "duration", required=True, description="How long to wait (ISO-8601)."),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        try:
            duration = parse_duration(ctx.render_property("duration"))
        except DurationError as exc:
            raise TaskFailed(f"duration: {exc}") from None
        ctx.logger.info(f"Waiting for {format_duration(duration)}")  # Kestra's words
        ctx.sleep(duration.total_seconds())
        return {}
