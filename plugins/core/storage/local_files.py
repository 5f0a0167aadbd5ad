"""LocalFiles (deprecated since Kestra 0.17, still in flows): create files in the task's
working directory (shared inside a WorkingDirectory) and send files of it to internal
storage, as Kestra's FilesService#inputFiles and #outputFiles do."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from plugins.api.context import RunContext
from plugins.api.folder_files import input_files, inside, matching_files
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from storage import layout

from .files import opened


@register
class LocalFiles(RunnableTask):
    type = "io.kestra.plugin.core.storage.LocalFiles"
    aliases = ("io.kestra.core.tasks.storages.LocalFiles",)
    title = "Create temporary files (deprecated: use a WorkingDirectory's inputFiles and outputFiles)."
    description = ("`inputs` maps a relative path to its content, or to a kestra:// URI whose file is copied; "
                   "`outputs` are glob patterns of files of the working directory sent to internal storage.")
    deprecated = True
    properties = (
        Property("inputs", "any", description="The files to create: a map (or JSON map) of path to content."),
        Property("outputs", "array", description="Glob patterns of the files to send to internal storage."),
    )
    outputs = (Output("uris", "object", "The URI of each file sent, by its relative path."),)
    examples = (Example("Create a file for the next task", "id: input_files\n"
                                                           "type: io.kestra.plugin.core.storage.LocalFiles\n"
                                                           "inputs:\n  hello.txt: \"Hello World\\n\""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        folder = ctx.working_dir()
        files = input_files(ctx.render_property("inputs"))
        for name, content in files.items():
            _create(ctx, folder, str(name), content)
        patterns = ctx.render_property("outputs") or []
        return {"uris": {relative: ctx.put_file(path, relative)
                         for relative, path in matching_files(folder, patterns)}}


def _create(ctx: RunContext, folder: Path, name: str, content: Any) -> None:
    target = inside(folder, name, "inputs")
    target.parent.mkdir(parents=True, exist_ok=True)
    if layout.is_uri(content):  # a file of internal storage: its content, as Kestra copies it
        with opened(ctx, str(content)) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
        return
    target.write_text("" if content is None else str(content), encoding="utf-8")
