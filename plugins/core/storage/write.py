"""Write: a rendered text stored as a new file of internal storage (Kestra's Write)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .files import new_name


@register
class Write(RunnableTask):
    type = "io.kestra.plugin.core.storage.Write"
    title = "Write data to a file in the internal storage."
    description = ("The rendered `content` is written as UTF-8 to a new file of the execution, named with "
                   "`extension` (`.tmp` by default, as Kestra names a temporary file), for later tasks to read.")
    lightweight = True
    properties = (
        Property("content", required=True, description="The file content, rendered."),
        Property("extension", default=".tmp", description="The file extension, with its dot."),
    )
    outputs = (Output("uri", "string", "The created file URI."),)
    examples = (Example("Write a text file, then read its size", full=True, code="""\
id: write
namespace: company.team
tasks:
  - id: write
    type: io.kestra.plugin.core.storage.Write
    content: Hello World
    extension: .txt
  - id: size
    type: io.kestra.plugin.core.storage.Size
    uri: "{{ outputs.write.uri }}"
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        content = str(ctx.render_property("content"))
        with ctx.new_file(new_name(str(ctx.render_property("extension", ".tmp")))) as out:
            out.write(content.encode("utf-8"))
        return {"uri": out.uri}
