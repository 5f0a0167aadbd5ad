"""Delete: remove a file from internal storage (Kestra's storage Delete).

Unlike Kestra, which deletes any file of the tenant, only a file the execution may read
(its own, its namespace's) can be deleted: a flow cannot remove another namespace's."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from storage import StorageError

from .files import storage_uri


@register
class Delete(RunnableTask):
    type = "io.kestra.plugin.core.storage.Delete"
    aliases = ("io.kestra.core.tasks.storages.Delete",)
    title = "Delete a file from Kestra's internal storage."
    lightweight = True
    properties = (
        Property("uri", required=True, description="The file to delete, a kestra:// URI."),
        Property("errorOnMissing", "boolean", default=False, description="Fail when the file does not exist."),
    )
    outputs = (Output("uri", "string", "The deleted file's URI."),
               Output("deleted", "boolean", "Whether the file was deleted."))
    examples = (Example("Delete an uploaded file once it's used", full=True, inputs={"data": "to be deleted"}, code="""\
id: delete
namespace: company.team
inputs:
  - id: data
    type: FILE
tasks:
  - id: delete
    type: io.kestra.plugin.core.storage.Delete
    uri: "{{ inputs.data }}"
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("uri"), "uri")
        try:
            deleted = ctx.delete_file(uri)
        except StorageError as refused:
            raise TaskFailed(str(refused)) from None
        if not deleted and ctx.render_property("errorOnMissing"):
            raise TaskFailed(f"Unable to find file '{uri}'")
        return {"uri": uri, "deleted": deleted}
