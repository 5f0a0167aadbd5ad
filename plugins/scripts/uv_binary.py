"""Where the `uv` that installs Python dependencies is.

On the worker's PATH, as Kestra's workers have it; else beside the project's own
interpreter: `pip install uv` (the project's test extras do) puts it in the virtual
environment's `bin`, which a server started as `.venv/bin/python manage.py ...` does
not have on its PATH."""
from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path


def find_uv() -> str | None:
    """The path of a runnable `uv`, or None when this worker has none."""
    on_path = shutil.which("uv")
    if on_path is not None:
        return on_path
    # sys.executable's own folder (the venv's bin, even when python is a symlink out of
    # it), then the scripts folder of the installation it belongs to.
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        candidate = folder / "uv"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None
