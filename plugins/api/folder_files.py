"""Files in and out of a task's folder (a script's working directory, a WorkingDirectory's
shared folder, LocalFiles'), as Kestra's InputFilesInterface and OutputFilesInterface
describe them, read the same way by every family:

- `inputFiles` is a map of relative path to content, or that map as a JSON string (as a
  rendered expression gives it);
- a path given by a flow stays inside the folder (no absolute path, no `..` out);
- `outputFiles` are glob patterns matched against paths relative to the folder (`*`
  within one folder, `**` across folders)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storage.globs import compile_glob

from .context import TaskFailed


def input_files(rendered: Any) -> dict[str, Any]:
    """The rendered `inputFiles` as a map (a JSON string is read as one)."""
    if rendered is None:
        return {}
    if isinstance(rendered, str):
        try:
            rendered = json.loads(rendered)
        except ValueError:
            raise TaskFailed("inputFiles must be a map of file name to content, or that map as JSON") from None
    if not isinstance(rendered, dict):
        raise TaskFailed("inputFiles must be a map of file name to content")
    return rendered


def inside(folder: Path, name: str, what: str) -> Path:
    """`folder / name`, refused when it reaches outside `folder`; `what` names the property."""
    target = (folder / name).resolve()
    if folder.resolve() not in target.parents:
        raise TaskFailed(f"{what}: '{name}' is outside the working directory")
    return target


def matching_files(folder: Path, patterns: Any) -> list[tuple[str, Path]]:
    """(relative path, file) for each file of `folder` matched by one of the patterns (a
    pattern alone is a list of one); an unreadable pattern raises storage.globs.BadGlob."""
    if isinstance(patterns, str):
        patterns = [patterns]
    globs = [compile_glob(str(pattern)) for pattern in patterns or []]
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            if any(glob.matches(relative) for glob in globs):
                found.append((relative, path))
    return found
