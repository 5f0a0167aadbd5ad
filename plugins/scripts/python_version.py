"""Kestra's `pythonVersion` of the Python tasks: the Python their environment is made of.

Kestra has uv install it. Here a version the worker runs already (`3`, `3.11`, its
exact `3.11.2`) is the worker's own Python, the project's libraries and all; another
one is made by uv (`uv venv --python`, which finds it on the machine or downloads it),
or without uv by a `python<version>` on the worker's PATH. A version neither can give
fails the task naming it, before anything runs."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from typing import Any

from plugins.api.context import TaskFailed

VERSION = re.compile(r"\d+(\.\d+){0,2}")
RUNNING = ".".join(str(part) for part in sys.version_info[:3])


class PythonVersionUnavailable(TaskFailed):
    """The worker has no Python of the version asked for and cannot get one."""


def requested_version(rendered: Any) -> str | None:
    """The rendered `pythonVersion` ("3.12"); None when not given."""
    if rendered is None or str(rendered).strip() == "":
        return None
    version = str(rendered).strip()
    if not VERSION.fullmatch(version):
        raise TaskFailed(f"pythonVersion must be a version such as 3.12, not {version!r}")
    return version


def is_running(version: str) -> bool:
    """Whether the worker's own Python is of `version` (a prefix of its major.minor.micro)."""
    return _matches(RUNNING, version)


def local_interpreter(version: str) -> str | None:
    """A `python<version>` on the worker's PATH that runs and is of that version (a pyenv
    shim of a version not selected is there but fails)."""
    found = shutil.which(f"python{version}")
    if found is None:
        return None
    try:
        answer = subprocess.run([found, "-c", "import sys; print('.'.join(map(str, sys.version_info[:3])))"],
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found if answer.returncode == 0 and _matches(answer.stdout.strip(), version) else None


def unavailable_without_uv(version: str) -> PythonVersionUnavailable:
    return PythonVersionUnavailable(
        f"pythonVersion {version}: this worker runs Python {RUNNING} and has no python{version} on its PATH; "
        f"with uv on the worker (packageManager: UV) it would be installed")


def unavailable_with_uv(version: str, reason: str) -> PythonVersionUnavailable:
    return PythonVersionUnavailable(f"pythonVersion {version}: uv found no Python {version} on this worker "
                                    f"and could not install one: {reason}")


def _matches(actual: str, version: str) -> bool:
    return actual.split(".")[:len(version.split("."))] == version.split(".")
