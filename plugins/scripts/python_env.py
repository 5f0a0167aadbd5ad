"""Which `python` a Python script runs with under the Process runner.

Kestra runs `python` from the worker's PATH. Here the worker is the project's own
interpreter, and a script must be able to `from kestra import Kestra` (the library is
installed beside the project), so the child's PATH starts with the `bin` folder of a
small virtual environment made once under the data folder (KESTRAWEB_DATA_DIR/
scripts-python): the same Python, with the project's site-packages on its path through
a `.pth` file. What it leaves out is the project's own import hooks (its editable
install's finder), which would cost each script's start some 20 ms for nothing: a
script sees the installed libraries, not kestraweb. Any `python` a script's
beforeCommands put first (a venv it activates) still wins, as in Kestra."""
from __future__ import annotations

import logging
import os
import shutil
import site
import sys
import tempfile
import threading
import venv
from pathlib import Path

FOLDER = "scripts-python"
log = logging.getLogger(__name__)
_made: dict[str, Path] = {}
_lock = threading.Lock()


def scripts_python_bin() -> Path:
    """The `bin` folder whose `python` scripts run, made the first time it is asked for."""
    from django.conf import settings  # where the data folder is

    home = Path(settings.DATA_DIR) / FOLDER
    with _lock:
        known = _made.get(str(home))
        if known is not None:
            return known
        bin_folder = home / "bin"
        if not _is_current(home):
            try:
                _make(home)
            except OSError as exc:  # a read-only data folder: the project's own interpreter, hooks and all
                log.warning("scripts' Python environment not made in %s (%s): using %s", home, exc,
                            Path(sys.executable).parent)
                bin_folder = Path(sys.executable).parent
        _made[str(home)] = bin_folder
        return bin_folder


def environment_marker() -> str:
    """What an environment was made from (build_environment): made again when the
    project's Python or its site-packages move."""
    return "\n".join([sys.executable, *_site_packages()])


def _site_packages() -> list[str]:
    return [path for path in site.getsitepackages() if os.path.isdir(path)]


def _is_current(home: Path) -> bool:
    marker = home / "kestraweb-source.txt"
    return marker.is_file() and marker.read_text() == environment_marker() and (home / "bin" / "python").exists()


def _make(home: Path) -> None:
    """Build the environment beside its place, then move it there: another process
    making it at the same time leaves one whole environment, never half of one."""
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{FOLDER}-", dir=home.parent))
    try:
        build_environment(staging)
        _fix_paths(staging, home)
        if home.exists():
            shutil.rmtree(home, ignore_errors=True)
        try:
            os.replace(staging, home)
        except OSError:
            if not _is_current(home):  # another process's environment took its place: use that one
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_environment(folder: Path) -> None:
    """A virtual environment in `folder` of the project's Python, the project's libraries
    on its path (after its own site-packages, so a package installed in it wins)."""
    venv.EnvBuilder(with_pip=False, symlinks=True, clear=True).create(folder)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    packages = folder / "lib" / version / "site-packages"
    packages.mkdir(parents=True, exist_ok=True)
    (packages / "kestraweb-libraries.pth").write_text("\n".join(_site_packages()) + "\n")
    (folder / "kestraweb-source.txt").write_text(environment_marker())


def _fix_paths(staging: Path, home: Path) -> None:
    """pyvenv.cfg and the activate scripts name the folder they were made in."""
    for path in [staging / "pyvenv.cfg", *(staging / "bin").glob("activate*")]:
        if path.is_file() and not path.is_symlink():
            path.write_text(path.read_text().replace(str(staging), str(home)))
