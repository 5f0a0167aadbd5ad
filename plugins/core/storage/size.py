"""Size: the size in bytes of a file of internal storage (Kestra's Size)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from storage import StorageError

from .files import storage_uri


@register
class Size(RunnableTask):
    type = "io.kestra.plugin.core.storage.Size"
    aliases = ("io.kestra.core.tasks.storages.Size",)
    title = "Get the size of a file from Kestra's internal storage."
    lightweight = True
    properties = (Property("uri", required=True, description="The file whose size is read."),)
    outputs = (Output("size", "integer", "The size of the file in bytes."),)
    examples = (Example("Size of an uploaded file", full=True, code="""\
id: size
namespace: company.team
inputs:
  - id: data
    type: FILE
tasks:
  - id: size
    type: io.kestra.plugin.core.storage.Size
    uri: "{{ inputs.data }}"
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.size.size }} bytes"
""",
                        inputs={"data": "twelve bytes"}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("uri"), "uri")
        try:
            return {"size": ctx.file_size(uri)}
        except StorageError as refused:
            raise TaskFailed(str(refused)) from None
