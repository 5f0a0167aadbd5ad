"""The files of a script task's working directory, as Kestra's FilesService and
ScriptService handle them:

- `inputFiles` (read as plugins.api.folder_files reads them): a content that is a
  kestra:// URI is copied from internal storage, any other is written as text;
- `kestra://` URIs inside the rendered commands are copied into the working directory
  and replaced by the copies' paths (ScriptService.replaceInternalStorage), so a
  command may `cat {{ outputs.previous.uri }}`;
- `outputFiles`: glob patterns over paths relative to the working directory; each file
  matched is kept in internal storage, keyed by its relative path."""
from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.folder_files import inside, matching_files
from storage import StorageError, layout
from storage.globs import BadGlob

# Kestra's INTERNAL_STORAGE_PATTERN.
STORAGE_URI = re.compile(re.escape(layout.SCHEME) + r"[-a-zA-Z0-9%._+~#=/]*")


def write_input_files(ctx: Any, folder: Path, files: dict[str, Any]) -> None:
    for name, content in files.items():
        if content is None:
            continue  # Kestra drops a file whose content is null
        target = inside(folder, str(name), "inputFiles")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = str(content)
        if layout.is_uri(text):
            _copy_from_storage(ctx, text, target)
        else:
            target.write_text(text)


def replace_storage_uris(ctx: Any, folder: Path, command: str) -> str:
    """The command with each kestra:// URI replaced by the path of a local copy."""
    copies: dict[str, str] = {}

    def local(found: re.Match[str]) -> str:
        uri = found.group(0)
        if uri not in copies:
            target = folder / f".kestra-file-{uuid.uuid4().hex}{Path(uri).suffix}"
            _copy_from_storage(ctx, uri, target)
            copies[uri] = str(target)
        return copies[uri]

    return STORAGE_URI.sub(local, command)


def _copy_from_storage(ctx: Any, uri: str, target: Path) -> None:
    try:
        with ctx.open_file(uri) as source, target.open("wb") as copy:
            shutil.copyfileobj(source, copy)
    except StorageError as exc:
        raise TaskFailed(f"Unable to read {uri}: {exc}") from exc


def keep_output_files(ctx: Any, folder: Path, patterns: Any) -> dict[str, str]:
    """relative path -> kestra:// URI of every file matched by the globs."""
    try:
        files = matching_files(folder, patterns)
    except BadGlob as exc:
        raise TaskFailed(f"outputFiles: {exc}") from exc
    return {relative: ctx.put_file(path, relative) for relative, path in files}
