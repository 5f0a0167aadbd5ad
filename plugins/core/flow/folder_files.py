"""Files in and out of a WorkingDirectory's folder, as Kestra's InputFilesInterface and
OutputFilesInterface describe them.

`inputFiles` is a map of relative path to content, or that map as a JSON string (as a
rendered expression gives it). `outputFiles` is a list of glob patterns matched against
paths relative to the folder (`*` within one folder, `**` across folders); every file
matched is kept in internal storage under its relative path.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storage.globs import compile_glob


def input_files(rendered: Any) -> dict[str, Any]:
    """The rendered `inputFiles` as a map (a JSON string is read as one)."""
    if rendered is None:
        return {}
    if isinstance(rendered, str):
        try:
            rendered = json.loads(rendered)
        except ValueError:
            raise ValueError("inputFiles must be a map of file name to content, or that map as JSON") from None
    if not isinstance(rendered, dict):
        raise ValueError("inputFiles must be a map of file name to content")
    return rendered


def write_inputs(folder: Path, files: dict[str, Any]) -> None:
    """Create each file in `folder`; a name reaching outside the folder is refused."""
    root = folder.resolve()
    for name, content in files.items():
        target = (folder / str(name)).resolve()
        if root not in target.parents:
            raise ValueError(f"inputFiles: {name!r} is outside the working directory")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("" if content is None else str(content))


def matching_outputs(folder: Path, patterns: Any) -> list[tuple[str, Path]]:
    """(relative path, file) for each file of `folder` matched by one of the patterns."""
    if isinstance(patterns, str):
        patterns = [patterns]
    globs = [compile_glob(str(p)) for p in patterns or []]
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            relative = path.relative_to(folder).as_posix()
            if any(glob.matches(relative) for glob in globs):
                found.append((relative, path))
    return found
