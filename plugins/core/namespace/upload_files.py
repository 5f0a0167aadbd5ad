"""UploadFiles: files of the execution (kestra:// URIs, or globs over the working
directory) stored as namespace files, as Kestra's UploadFiles does."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from plugins.api.context import NamespaceFileStore, RunContext, TaskFailed
from plugins.api.folder_files import matching_files
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from plugins.core.storage.files import opened
from storage import StorageError, layout

OVERWRITE, ERROR, SKIP = "OVERWRITE", "ERROR", "SKIP"


@register
class UploadFiles(RunnableTask):
    type = "io.kestra.plugin.core.namespace.UploadFiles"
    title = "Upload one or multiple files to a specific namespace."
    description = ("`files` is a list of kestra:// URIs (stored under `destination` by their file name) and glob "
                   "patterns over the working directory (stored under `destination` by their relative path), or "
                   "a map of namespace file path to kestra:// URI. A URI whose file does not exist is skipped, "
                   "as Kestra skips it.")
    properties = (
        Property("namespace", required=True, description="The namespace the files are uploaded to."),
        Property("files", "any", required=True, description="A list of URIs and globs, or a map of path to URI."),
        Property("destination", default="/", description="The folder a list's files go to."),
        Property("conflict", "enum", default=OVERWRITE, values=(OVERWRITE, ERROR, SKIP), dynamic=False,
                 description="What to do when a file already exists."),
    )
    examples = (Example("Upload a FILE input as a script", full=True, code="""\
id: upload
namespace: company.team
inputs:
  - id: my_python_script
    type: FILE
tasks:
  - id: upload
    type: io.kestra.plugin.core.namespace.UploadFiles
    namespace: company.team
    files:
      /scripts/main.py: "{{ inputs.my_python_script }}"
""",
                        inputs={'my_python_script': 'print("hello")\n'}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        target = ctx.namespace_files(str(ctx.render_property("namespace")))
        conflict = str(self.get("conflict") or OVERWRITE)
        files = self.get("files")
        if isinstance(files, dict):
            for path, uri in ctx.render(files).items():
                if not isinstance(uri, str):
                    raise TaskFailed("files must be a list of strings or a map of path to URI")
                _upload_uri(ctx, target, str(path), uri, conflict)
        elif isinstance(files, list):
            destination = "/" + str(ctx.render_property("destination", "/")).strip("/")
            globs = []
            for item in (str(value) for value in ctx.render(files)):
                if layout.is_uri(item):
                    name = PurePosixPath(layout.path_of(item)).name
                    _upload_uri(ctx, target, f"{destination}/{name}", item, conflict)
                else:
                    globs.append(item)
            for relative, path in matching_files(ctx.working_dir(), globs) if globs else []:
                _put(target, f"{destination}/{relative}", path, conflict)
        else:
            raise TaskFailed("files must be a list of strings or a map of path to URI")
        return {}


def _upload_uri(ctx: RunContext, target: NamespaceFileStore, path: str, uri: str, conflict: str) -> None:
    with tempfile.TemporaryDirectory(dir=ctx.working_dir()) as folder:
        local = Path(folder) / "upload"
        try:
            with opened(ctx, uri) as source, local.open("wb") as out:
                shutil.copyfileobj(source, out)
        except TaskFailed:
            if _exists(ctx, uri):
                raise
            return  # a file that does not exist is skipped, as Kestra's isFileExist check does
        _put(target, path, local, conflict)


def _exists(ctx: RunContext, uri: str) -> bool:
    try:
        ctx.file_size(uri)
    except StorageError:
        return False
    return True


def _put(target: NamespaceFileStore, path: str, local: Path, conflict: str) -> None:
    path = "/" + path.lstrip("/")
    if target.exists(path):
        if conflict == SKIP:
            return
        if conflict == ERROR:
            raise TaskFailed(f"File '{path}' already exists in the namespace and conflict is set to ERROR")
    try:
        target.write_file(path, local)
    except StorageError as refused:
        raise TaskFailed(str(refused)) from None
