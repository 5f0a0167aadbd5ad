"""Where the cached dependency environments of the Python tasks live, and when an
unused one goes.

KESTRAWEB_DATA_DIR/scripts-python-deps/<key> is the environment of one set of
dependencies (python_dependencies builds it), <key>.lock beside it its lock
(environment_lock). Each run that uses it touches its stamp; one whose stamp is older
than settings.PYTHON_ENV_MAX_AGE days is removed, by the clusters' housekeeping
(plugins.api.housekeeping) and after each new environment is built, so the folder
holds what flows use, not every set ever asked for. An environment a task runs in is
never removed, however long the run: the task holds its lock shared, the removal needs
it exclusive and does not wait for it."""
from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path

from plugins.api.housekeeping import chore

from .environment_lock import held

FOLDER = "scripts-python-deps"
# Written last: an environment without it is half-made (an install that failed or was killed).
COMPLETE = "kestraweb-dependencies.json"
# Touched by every run that uses the environment.
USED = "kestraweb-used"
KEY = re.compile(r"[0-9a-f]{20}")  # python_dependencies.Recipe.key: nothing else in the folder is touched
DAY = 86400.0
log = logging.getLogger(__name__)


def cache_root() -> Path:
    from django.conf import settings  # where the data folder is

    return Path(settings.DATA_DIR) / FOLDER


def max_age_seconds() -> float:
    from django.conf import settings  # the limit is a setting (`# Limits`)

    return float(settings.PYTHON_ENV_MAX_AGE) * DAY


def lock_path(home: Path) -> Path:
    return home.with_name(f"{home.name}.lock")


def is_complete(home: Path) -> bool:
    return (home / COMPLETE).is_file()


def mark_used(home: Path) -> None:
    (home / USED).touch()


def last_used(home: Path) -> float | None:
    """When the environment was last used or, never used, last changed (a half-made
    one, or only its lock file left); None when nothing of it is there."""
    for path in (home / USED, home, lock_path(home)):
        try:
            return path.stat().st_mtime
        except FileNotFoundError:
            continue
    return None


def purge_unused(root: Path, max_age: float, now: float | None = None) -> list[str]:
    """Remove the environments (and their lock files) under `root` unused for more than
    `max_age` seconds and in use by no task; the keys removed."""
    if not root.is_dir():
        return []
    limit = (time.time() if now is None else now) - max_age
    keys = {path.name.removesuffix(".lock") for path in root.iterdir()}
    removed = []
    for key in sorted(k for k in keys if KEY.fullmatch(k)):
        home = root / key
        if _unused_since(home, limit) and _remove_if_idle(home, limit):
            removed.append(key)
    return removed


def _unused_since(home: Path, limit: float) -> bool:
    used = last_used(home)
    return used is not None and used < limit


def _remove_if_idle(home: Path, limit: float) -> bool:
    with held(lock_path(home), exclusive=True, wait=False) as idle:
        # Looked at again under the lock: a run may have used it since.
        if not idle or not _unused_since(home, limit):
            return False
        shutil.rmtree(home, ignore_errors=True)
        lock_path(home).unlink(missing_ok=True)  # still held: a waiter on it takes the new file's (environment_lock)
        return True


@chore("unused Python dependency environments removed")
def purge_cached_environments() -> list[str]:
    return purge_unused(cache_root(), max_age_seconds())


def purge_quietly(root: Path) -> None:
    """After a new environment is built: a failure to tidy never fails the task."""
    try:
        removed = purge_unused(root, max_age_seconds())
    except OSError as exc:
        log.warning("unused Python dependency environments not removed from %s: %s", root, exc)
        return
    if removed:
        log.info("removed %d unused Python dependency environments from %s", len(removed), root)

