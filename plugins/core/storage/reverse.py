"""Reverse: a file of internal storage with its lines in the opposite order, last line
first (Kestra's Reverse, on commons-io's ReversedLinesFileReader).

Lines end at \\n, \\r\\n or \\r, as Java reads them, in the file's `charset`; they are
written back joined by `separator`, with none after the last, so a file that ended with a
line break gives no empty first line. The file is reversed in memory: Kestra reads it
from its end, block by block."""
from __future__ import annotations

import codecs
import re
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .files import extension_of, new_name, opened, storage_uri

LINE_BREAK = re.compile(r"\r\n|\r|\n")


@register
class Reverse(RunnableTask):
    type = "io.kestra.plugin.core.storage.Reverse"
    aliases = ("io.kestra.core.tasks.storages.Reverse",)
    title = "Reverse a file from Kestra's internal storage, last line first."
    properties = (
        Property("from", required=True, description="The kestra:// URI of the file to reverse."),
        Property("separator", default="\n", description="What joins the lines of the reversed file."),
        Property("charset", default="UTF-8", description="The file's charset (a name Java or Python knows)."),
    )
    outputs = (Output("uri", "string", "The reversed file's URI, with the extension of the original."),)
    examples = (Example("Reverse an uploaded file", full=True, code="""\
id: reverse
namespace: company.team
inputs:
  - id: data
    type: FILE
tasks:
  - id: reverse
    type: io.kestra.plugin.core.storage.Reverse
    from: "{{ inputs.data }}"
""",
                        inputs={"data": "first\nsecond\nthird\n"}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("from"), "from")
        separator = str(ctx.render_property("separator", "\n"))
        charset = str(ctx.render_property("charset", "UTF-8"))
        try:
            codecs.lookup(charset)
        except LookupError:
            raise TaskFailed(f"Unsupported charset: {charset}") from None
        with opened(ctx, uri) as source:
            data = source.read()
        if not data:
            raise TaskFailed(f"from: the file {uri} is empty")
        lines = LINE_BREAK.split(data.decode(charset, errors="replace"))
        if lines[-1] == "":  # the break ending the last line starts no line
            lines.pop()
        with ctx.new_file(new_name(extension_of(uri))) as out:
            out.write(separator.join(reversed(lines)).encode(charset, errors="replace"))
        return {"uri": out.uri}
