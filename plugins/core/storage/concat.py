"""Concat: files of internal storage joined into one, in order (Kestra's Concat)."""
from __future__ import annotations

import json
import shutil
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .files import new_name, opened, storage_uri


@register
class Concat(RunnableTask):
    type = "io.kestra.plugin.core.storage.Concat"
    aliases = ("io.kestra.core.tasks.storages.Concat",)
    title = "Concatenate files from Kestra's internal storage."
    description = ("`files` is a list of kestra:// URIs or an expression rendering to a JSON list of them; "
                   "`separator`, when set, is written after each file, as Kestra writes it.")
    properties = (
        Property("files", "any", required=True, description="The files to concatenate: a list or a JSON list."),
        Property("separator", description="Written after each file (none by default)."),
        Property("extension", default=".tmp", description="The extension of the created file."),
    )
    outputs = (Output("uri", "string", "The concatenated file's URI."),)
    examples = (Example("Concatenate two files", full=True, code="""\
id: concat
namespace: company.team
inputs:
  - id: first
    type: FILE
  - id: second
    type: FILE
tasks:
  - id: concat
    type: io.kestra.plugin.core.storage.Concat
    files:
      - "{{ inputs.first }}"
      - "{{ inputs.second }}"
    separator: "\\n"
""",
                        inputs={"first": "hello", "second": "world"}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        separator = self.get("separator")
        gap = None if separator is None else str(ctx.render(separator)).encode()
        with ctx.new_file(new_name(str(ctx.render_property("extension", ".tmp")))) as out:
            for uri in _files(ctx, self.get("files")):
                with opened(ctx, storage_uri(uri, "files")) as source:
                    shutil.copyfileobj(source, out.stream)
                if gap is not None:
                    out.write(gap)
        return {"uri": out.uri}


def _files(ctx: RunContext, files: Any) -> list[Any]:
    if isinstance(files, list):
        return [ctx.render(item) for item in files]
    if isinstance(files, str):
        text = ctx.render(files)
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if not isinstance(parsed, list):
            raise TaskFailed(f"files must render to a JSON list of URIs, not {text!r}")
        return parsed
    raise TaskFailed(f"Invalid `files` properties with type '{type(files).__name__}'")
