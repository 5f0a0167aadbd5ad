"""Reading flow files from paths given on the command line (files or folders)."""
from __future__ import annotations

from pathlib import Path

FLOW_SUFFIXES = (".yaml", ".yml")


def flow_files(paths) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in FLOW_SUFFIXES and p.is_file())
        else:
            files.append(path)
    return files
