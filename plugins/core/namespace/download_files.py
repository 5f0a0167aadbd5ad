"""DownloadFiles: namespace files matching globs copied into the execution's storage, as
Kestra's DownloadFiles does (keys are the files' paths with a leading `/`)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from storage import StorageError
from storage.globs import BadGlob, compile_glob


@register
class DownloadFiles(RunnableTask):
    type = "io.kestra.plugin.core.namespace.DownloadFiles"
    title = "Download one or multiple files from your namespace files."
    description = "`files` is a glob (or a list of them) over the namespace files' paths, which start with `/`."
    properties = (
        Property("namespace", required=True, description="The namespace whose files are downloaded."),
        Property("files", "any", required=True, description="A glob or a list of globs of the files."),
    )
    outputs = (Output("files", "object", "The URI of each downloaded file, by its path."),)
    examples = (Example("Download every file of a namespace",
                        "id: download\ntype: io.kestra.plugin.core.namespace.DownloadFiles\n"
                        "namespace: tutorial\nfiles:\n  - \"**\""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        namespace = str(ctx.render_property("namespace"))
        patterns = ctx.render_property("files")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not patterns:
            raise TaskFailed("The files property must be a string or a list of strings")
        try:
            globs = [compile_glob("/" + str(pattern).lstrip("/")) for pattern in patterns]
        except BadGlob as bad:
            raise TaskFailed(f"files: {bad}") from None
        source = ctx.namespace_files(namespace)
        downloaded: dict[str, str] = {}
        # copied aside, not into the working directory a WorkingDirectory's tasks share
        with tempfile.TemporaryDirectory(dir=ctx.working_dir()) as folder:
            for relative in source.list():
                path = "/" + relative
                if not any(glob.matches(path) for glob in globs):
                    continue
                local = Path(folder) / relative
                local.parent.mkdir(parents=True, exist_ok=True)
                try:
                    with source.open(relative) as handle, local.open("wb") as out:
                        shutil.copyfileobj(handle, out)
                except StorageError as refused:
                    raise TaskFailed(str(refused)) from None
                downloaded[path] = ctx.put_file(local, relative)
                ctx.logger.debug(f"Downloaded {path}")
        ctx.metric("counter", "downloaded", len(downloaded))
        return {"files": downloaded}
