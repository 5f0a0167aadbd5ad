"""Log and its deprecated ancestor Echo: write messages to the execution's logs."""
from expressions.filters.types import class_name
from plugins.api.context import TaskFailed
from plugins.api.log_levels import LOG_LEVELS
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

LEVEL = Property("level", "enum", default="INFO", values=LOG_LEVELS,
                 description="The log level.")


def _write(ctx, level: str, message):
    level = str(level).upper()
    if level == "WARNING":
        level = "WARN"
    ctx.logger.log(level, "" if message is None else message)


@register
class Log(RunnableTask):
    type = "io.kestra.plugin.core.log.Log"
    aliases = ("io.kestra.core.tasks.log.Log",)
    title = "Log a message in the task logs."
    description = "Renders one message, or a list of messages, and logs each at the given level."
    lightweight = True
    properties = (
        Property("message", "any", required=True, description="A message, or a list of messages, to log."),
        LEVEL,
    )
    examples = (Example("Log a message", "id: log\ntype: io.kestra.plugin.core.log.Log\nmessage: Hello {{ flow.id }}"),)

    def run(self, ctx):
        raw = self.get("message")
        if not isinstance(raw, (str, list)):  # Kestra takes a string or a list, nothing else
            raise TaskFailed(f"Invalid message type 'class {class_name(raw)}'")
        messages = ctx.render_property("message")
        level = ctx.render_property("level")
        for message in messages if isinstance(messages, list) else [messages]:
            _write(ctx, level, message)
        return {}


@register
class Echo(RunnableTask):
    type = "io.kestra.core.tasks.debugs.Echo"
    aliases = ("io.kestra.plugin.core.debug.Echo",)
    title = "Log a message (deprecated: use io.kestra.plugin.core.log.Log)."
    deprecated = True
    lightweight = True
    properties = (Property("format", required=True, description="The message to log."), LEVEL)

    def run(self, ctx):
        _write(ctx, ctx.render_property("level"), ctx.render_property("format"))
        return {}
