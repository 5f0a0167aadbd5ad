"""PurgeCurrentExecutionFiles: delete every file this execution stored (inputs, task
outputs, trigger files), as Kestra's task of that name (formerly PurgeExecution) does."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class PurgeCurrentExecutionFiles(RunnableTask):
    type = "io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles"
    aliases = ("io.kestra.core.tasks.storages.PurgeExecution", "io.kestra.plugin.core.storage.PurgeExecution")
    title = "Purge all files from Kestra's internal storage created by this execution."
    description = ("No file to delete is not an error. `includeChildExecutions` and `includeStates` are accepted "
                   "and, as in Kestra, change nothing.")
    properties = (
        Property("includeChildExecutions", "boolean", default=False, description="Accepted; no effect, as in Kestra."),
        Property("includeStates", "boolean", default=False, description="Accepted; no effect, as in Kestra."),
    )
    outputs = (Output("uris", "array", "The URIs of the deleted files."),)
    examples = (Example("Purge this execution's files",
                        "id: purge_files\ntype: io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        return {"uris": ctx.delete_execution_files()}
