"""Kestra's io.kestra.plugin.core.log tasks: Log and its deprecated ancestor Echo write
messages to the execution's logs; Fetch copies an execution's logs to an Ion file;
PurgeLogs deletes log lines in bulk."""
from __future__ import annotations

import uuid
from typing import Any

from expressions.filters.types import class_name
from expressions.ion import to_ion
from plugins.api.context import RunContext, TaskFailed
from plugins.api.log_levels import LOG_LEVELS
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .execution_target import target_execution
from .purge_filters import optional_text, purge_filter, purge_scope, purge_window, text_list

LEVEL = Property("level", "enum", default="INFO", values=LOG_LEVELS,
                 description="The log level.")


def _write(ctx: RunContext, level: str, message: Any) -> None:
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

    def run(self, ctx: RunContext) -> dict[str, Any]:
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

    def run(self, ctx: RunContext) -> dict[str, Any]:
        _write(ctx, ctx.render_property("level"), ctx.render_property("format"))
        return {}


@register
class Fetch(RunnableTask):
    type = "io.kestra.plugin.core.log.Fetch"
    aliases = ("io.kestra.core.tasks.log.Fetch",)
    title = "Fetch execution logs to a file."
    description = ("The logs of execution `executionId` (this one when unset; of the flow `namespace`.`flowId`, "
                   "this flow when unset) at `level` or above, of the `tasksId` tasks when given, one Ion map "
                   "a line, oldest first.")
    properties = (
        Property("namespace", description="The namespace of the execution's flow."),
        Property("flowId", description="The execution's flow."),
        Property("executionId", description="The execution whose logs are fetched (this one when unset)."),
        Property("tasksId", "array", description="Only the logs of these tasks."),
        Property("level", "enum", default="INFO", values=LOG_LEVELS, description="The lowest level fetched."),
    )
    outputs = (Output("size", "integer", "The number of lines fetched."),
               Output("uri", "string", "The Ion file of the lines, one a line."))
    examples = (Example("Fetch the ERROR lines of this execution",
                        "id: fetch\ntype: io.kestra.plugin.core.log.Fetch\nlevel: ERROR"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        level = str(ctx.render_property("level", "INFO")).upper()
        if level not in LOG_LEVELS:
            raise TaskFailed(f"level: unknown level {level!r} ({', '.join(LOG_LEVELS)})")
        target = target_execution(ctx)
        size = 0
        with ctx.new_file(f"{uuid.uuid4().hex}.ion") as out:
            for line in ctx.fetch_logs(target, level, list(text_list(ctx, "tasksId"))):
                out.write((to_ion(line) + "\n").encode())
                size += 1
        return {"size": size, "uri": out.uri}


@register
class PurgeLogs(RunnableTask):
    type = "io.kestra.plugin.core.log.PurgeLogs"
    title = "Purge execution and trigger logs."
    description = ("Log lines up to `endDate` (from `startDate`) of a namespace (and its children unless `flowId` "
                   "names one flow; all when unset), of one execution, of the given `logLevels`.")
    properties = (
        *purge_scope("logs"),
        Property("executionId", description="The execution whose logs are purged."),
        Property("logLevels", "array", description="Purge lines of these levels only (all when unset)."),
        *purge_window("lines logged"),
        Property("purgeExecutionLogs", "boolean", default=True, description="Purge the lines of executions."),
        Property("purgeNonExecutionLogs", "boolean", default=True,
                 description="Purge the lines of no execution (triggers')."),
        Property("batchSize", "integer", minimum=1, description="Lines deleted per batch (MySQL in Kestra)."),
    )
    outputs = (
        Output("count", "integer", "The total count of deleted logs."),
        Output("executionLogsCount", "integer", "The count of deleted execution logs."),
        Output("nonExecutionLogsCount", "integer", "The count of deleted non-execution logs."),
    )
    examples = (Example("Purge the lines of more than a month ago but the errors",
                        "id: purge_logs\ntype: io.kestra.plugin.core.log.PurgeLogs\n"
                        "endDate: \"{{ now() | dateAdd(-1, 'MONTHS') }}\"\nlogLevels: [TRACE, DEBUG, INFO, WARN]"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        levels = tuple(level.upper() for level in text_list(ctx, "logLevels"))
        unknown = [level for level in levels if level not in LOG_LEVELS]
        if unknown:
            raise TaskFailed(f"logLevels: unknown level {unknown[0]!r} ({', '.join(LOG_LEVELS)})")
        which = purge_filter(ctx, execution_id=optional_text(ctx, "executionId"), levels=levels)
        counts = ctx.purge_logs(which, execution_logs=bool(ctx.render_property("purgeExecutionLogs", True)),
                                other_logs=bool(ctx.render_property("purgeNonExecutionLogs", True)))
        return {"count": counts["executionLogsCount"] + counts["nonExecutionLogsCount"], **counts}
