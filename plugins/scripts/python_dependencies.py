"""Kestra's `dependencies` (and `pythonVersion`) of the Python tasks under the Process runner.

Kestra (since 0.23) installs them with uv into an environment it caches on the worker,
reused by every task, of any flow, that asks for the same set. Here the environment is
built as the scripts' own one is (python_env.build_environment: the project's Python,
the project's libraries after its own, so `from kestra import Kestra` still works), or
of another Python when `pythonVersion` asks for one the worker does not run
(python_version: that environment has the dependencies alone), in
KESTRAWEB_DATA_DIR/scripts-python-deps/<key of the set> (dependency_cache), the
dependencies installed into it once; a later run finds it complete and runs at once.
`dependencyCacheEnabled: false` builds a throwaway one for the run instead.

uv installs them when `packageManager` is UV and the worker has a uv (uv_binary); pip
otherwise (the project's pip, pointed at the environment with `--python`). The
installer's lines are the task's logs, and the task's `env` is the installer's too
(PIP_INDEX_URL, UV_INDEX_URL, PIP_FIND_LINKS...). A set being installed by another task
or worker is waited for, never used half-made; one in use is never removed
(environment_lock)."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.process import ProcessFailed, run_process

from .dependency_cache import COMPLETE, FOLDER, is_complete, lock_path, mark_used, purge_quietly
from .environment_lock import held
from .python_env import build_environment, environment_marker
from .python_version import PythonVersionUnavailable, local_interpreter, unavailable_with_uv, unavailable_without_uv
from .uv_binary import find_uv

__all__ = ["COMPLETE", "FOLDER", "DependenciesFailed", "Recipe", "cached_environment", "dependency_list",
           "throwaway_environment"]


class DependenciesFailed(TaskFailed):
    """The installer refused the `dependencies` (unknown package, no network, a conflict)."""


@dataclass(frozen=True)
class Recipe:
    """What an environment is made of."""

    dependencies: tuple[str, ...]
    python_version: str | None  # None: the worker's own Python
    package_manager: str  # UV or PIP

    def key(self) -> str:
        """The same set (in any order) on the same Python gives the same environment."""
        made_of: list[Any] = [environment_marker(), sorted(set(self.dependencies))]
        if self.python_version is not None:
            made_of.append(self.python_version)
        return hashlib.sha256(json.dumps(made_of).encode()).hexdigest()[:20]


def dependency_list(rendered: Any) -> list[str]:
    """The rendered `dependencies`: a list of requirement strings (a single string is one)."""
    if rendered is None:
        return []
    if isinstance(rendered, str):
        rendered = [rendered]
    if not isinstance(rendered, list) or not all(isinstance(item, (str, int, float)) for item in rendered):
        raise TaskFailed("dependencies must be a list of requirements such as `requests` or `pandas==2.2.3`")
    return [str(item).strip() for item in rendered if str(item).strip()]


@contextmanager
def cached_environment(ctx: Any, data_dir: Path, recipe: Recipe, env: Mapping[str, str]) -> Iterator[Path]:
    """The `bin` folder of the cached environment of `recipe`, built and installed first
    when no complete one exists; held (not removable) until the block ends."""
    root = data_dir / FOLDER
    root.mkdir(parents=True, exist_ok=True)
    home = root / recipe.key()
    while True:
        with held(lock_path(home), exclusive=False, pause=ctx.sleep):
            if is_complete(home):
                mark_used(home)
                ctx.logger.debug(f"Python dependencies already installed in {home}")
                yield home / "bin"
                return
        built = False
        with held(lock_path(home), exclusive=True, pause=ctx.sleep):
            if not is_complete(home):  # another task may have built it while this one waited
                shutil.rmtree(home, ignore_errors=True)  # a half-made one, left by a failed or killed install
                install_environment(ctx, home, recipe, env)
                (home / COMPLETE).write_text(json.dumps(sorted(set(recipe.dependencies))))
                mark_used(home)
                built = True
        if built:
            purge_quietly(root)
        # Taken shared again above: between the two locks nothing removes it, its stamp is fresh.


@contextmanager
def throwaway_environment(ctx: Any, folder: Path, recipe: Recipe, env: Mapping[str, str]) -> Iterator[Path]:
    """dependencyCacheEnabled: false: an environment for this run only, removed after it."""
    try:
        install_environment(ctx, folder, recipe, env)
        yield folder / "bin"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def install_environment(ctx: Any, home: Path, recipe: Recipe, env: Mapping[str, str]) -> None:
    uv = find_uv() if recipe.package_manager.upper() == "UV" else None
    of_python = f" for Python {recipe.python_version}" if recipe.python_version else ""
    if recipe.dependencies:
        ctx.logger.info(f"Installing {len(recipe.dependencies)} Python dependencies in {home}{of_python}")
    else:
        ctx.logger.info(f"Making an environment{of_python} in {home}")
    make_interpreter(ctx, home, recipe.python_version, uv, env)
    if not recipe.dependencies:
        return
    python = str(home / "bin" / "python")
    if uv is not None:
        installer, args = "uv", [uv, "pip", "install", "--python", python, *recipe.dependencies]
    else:
        installer, args = "pip", [sys.executable, "-m", "pip", "--python", python, "install", "--no-input",
                                  "--disable-pip-version-check", *recipe.dependencies]
    try:
        run_process(ctx, args, cwd=home, env={**env, "PIP_ROOT_USER_ACTION": "ignore"}).check()
    except ProcessFailed as failed:
        raise DependenciesFailed(f"dependencies: {installer} could not install "
                                 f"{', '.join(recipe.dependencies)}: {failed}") from None


def make_interpreter(ctx: Any, home: Path, version: str | None, uv: str | None, env: Mapping[str, str]) -> None:
    """The environment's Python: the worker's own (version None), else one of `version`
    made by uv, else by a python<version> on the PATH."""
    if version is None:
        build_environment(home)
        return
    if uv is not None:
        try:
            run_process(ctx, [uv, "venv", "--python", version, str(home)], cwd=home.parent, env=env).check()
        except ProcessFailed as failed:
            raise unavailable_with_uv(version, _uv_error(failed)) from None
        return
    python = local_interpreter(version)
    if python is None:
        raise unavailable_without_uv(version)
    try:
        run_process(ctx, [python, "-m", "venv", "--without-pip", str(home)], cwd=home.parent, env=env).check()
    except ProcessFailed as failed:
        raise PythonVersionUnavailable(f"pythonVersion {version}: {python} could not make an environment: "
                                       f"{failed}") from None


def _uv_error(failed: ProcessFailed) -> str:
    """uv's `error:` lines (its warnings about other interpreters it looked at left out)."""
    lines = [line.strip() for line in failed.result.stderr_tail if line.strip()]
    errors = [line.removeprefix("error:").strip() for line in lines if line.startswith("error:")]
    return "; ".join(errors or lines[-1:]) or str(failed)
