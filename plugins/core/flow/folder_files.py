"""A WorkingDirectory's `inputFiles` written into its folder (read, and kept inside the
folder, as plugins.api.folder_files reads them for every family): a null content is an
empty file, any other is written as text."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from plugins.api.folder_files import inside


def write_inputs(folder: Path, files: dict[str, Any]) -> None:
    """Create each file in `folder`; a name reaching outside the folder is refused."""
    for name, content in files.items():
        target = inside(folder, str(name), "inputFiles")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("" if content is None else str(content))

