"""Kestra's `dependencies` of the Python tasks under the Process runner.

Kestra (since 0.23) installs them with uv into an environment it caches on the worker,
reused by every task, of any flow, that asks for the same set. Here the environment is
built as the scripts' own one is (python_env.build_environment: the project's Python,
the project's libraries after its own, so `from kestra import Kestra` still works), in
KESTRAWEB_DATA_DIR/scripts-python-deps/<key of the set>, the dependencies installed into
it once; a later run finds it complete and runs at once. `dependencyCacheEnabled: false`
builds a throwaway one for the run instead.

uv installs them when `packageManager` is UV and a `uv` is on the PATH; pip otherwise
(the project's pip, pointed at the environment with `--python`). The installer's lines
are the task's logs, and the task's `env` is the installer's too (PIP_INDEX_URL,
UV_INDEX_URL, PIP_FIND_LINKS...). A set being installed by another worker is waited for
(a lock file beside it), never used half-made."""
from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.process import ProcessFailed, run_process

from .python_env import build_environment, environment_marker

FOLDER = "scripts-python-deps"
# Written last: an environment without it is half-made (an install that failed or was killed).
COMPLETE = "kestraweb-dependencies.json"


class DependenciesFailed(TaskFailed):
    """The installer refused the `dependencies` (unknown package, no network, a conflict)."""


def dependency_list(rendered: Any) -> list[str]:
    """The rendered `dependencies`: a list of requirement strings (a single string is one)."""
    if rendered is None:
        return []
    if isinstance(rendered, str):
        rendered = [rendered]
    if not isinstance(rendered, list) or not all(isinstance(item, (str, int, float)) for item in rendered):
        raise TaskFailed("dependencies must be a list of requirements such as `requests` or `pandas==2.2.3`")
    return [str(item).strip() for item in rendered if str(item).strip()]


def cache_key(dependencies: list[str]) -> str:
    """The same set (in any order) on the same Python gives the same environment."""
    source = json.dumps([environment_marker(), sorted(set(dependencies))])
    return hashlib.sha256(source.encode()).hexdigest()[:20]


def cached_environment(ctx: Any, data_dir: Path, dependencies: list[str], package_manager: str,
                       env: Mapping[str, str]) -> Path:
    """The `bin` folder of the cached environment of `dependencies`, built and
    installed first when no complete one exists."""
    root = data_dir / FOLDER
    root.mkdir(parents=True, exist_ok=True)
    home = root / cache_key(dependencies)
    with _locked(root / f"{home.name}.lock"):
        if (home / COMPLETE).is_file():
            ctx.logger.debug(f"Python dependencies already installed in {home}")
            return home / "bin"
        shutil.rmtree(home, ignore_errors=True)  # a half-made one, left by a failed or killed install
        install_environment(ctx, home, dependencies, package_manager, env)
        (home / COMPLETE).write_text(json.dumps(sorted(set(dependencies))))
    return home / "bin"


@contextmanager
def throwaway_environment(ctx: Any, folder: Path, dependencies: list[str], package_manager: str,
                          env: Mapping[str, str]) -> Iterator[Path]:
    """dependencyCacheEnabled: false: an environment for this run only, removed after it."""
    try:
        install_environment(ctx, folder, dependencies, package_manager, env)
        yield folder / "bin"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def install_environment(ctx: Any, home: Path, dependencies: list[str], package_manager: str,
                        env: Mapping[str, str]) -> None:
    ctx.logger.info(f"Installing {len(dependencies)} Python dependencies in {home}")
    build_environment(home)
    python = str(home / "bin" / "python")
    uv = shutil.which("uv") if package_manager.upper() == "UV" else None
    if uv is not None:
        installer, args = "uv", [uv, "pip", "install", "--python", python, *dependencies]
    else:
        installer, args = "pip", [sys.executable, "-m", "pip", "--python", python, "install", "--no-input",
                                  "--disable-pip-version-check", *dependencies]
    try:
        run_process(ctx, args, cwd=home, env={**env, "PIP_ROOT_USER_ACTION": "ignore"}).check()
    except ProcessFailed as failed:
        raise DependenciesFailed(f"dependencies: {installer} could not install "
                                 f"{', '.join(dependencies)}: {failed}") from None


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One installer per set at a time, across threads and processes (flock holds per
    open file, so two threads of one process exclude each other too)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
