"""Cached dependency environments unused for PYTHON_ENV_MAX_AGE days are removed, by the
clusters' housekeeping and after a new one is built; one a task runs in never is,
however old its stamp."""
import os
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from plugins.api.housekeeping import Housekeeping, run_chores
from plugins.scripts.dependency_cache import DAY, FOLDER, USED, lock_path, purge_unused
from plugins.scripts.environment_lock import held
from tests.flow_runs import run_flow

from .python_wheels import script_flow, write_wheel

MONTH = 30 * DAY


def environment(root: Path, key: str, days_unused: float) -> Path:
    """An environment folder as python_dependencies leaves one, last used `days_unused` ago."""
    home = root / key
    (home / "bin").mkdir(parents=True)
    lock_path(home).touch()
    (home / USED).touch()
    then = time.time() - days_unused * DAY
    os.utime(home / USED, (then, then))
    return home


def test_it_removes_the_unused_and_keeps_the_recent(tmp_path):
    old = environment(tmp_path, "a" * 20, days_unused=31)
    recent = environment(tmp_path, "b" * 20, days_unused=2)
    assert purge_unused(tmp_path, MONTH) == ["a" * 20]
    assert not old.exists() and not lock_path(old).exists()
    assert recent.is_dir() and lock_path(recent).exists()


def test_it_never_removes_one_a_task_runs_in(tmp_path):
    running = environment(tmp_path, "c" * 20, days_unused=400)
    with held(lock_path(running), exclusive=False):  # as cached_environment holds it during a run
        assert purge_unused(tmp_path, MONTH) == []
    assert running.is_dir()
    assert purge_unused(tmp_path, MONTH) == ["c" * 20]  # the run ended


def test_it_leaves_what_is_not_an_environment(tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    os.utime(other, (0, 0))
    half_made = tmp_path / ("d" * 20)
    half_made.mkdir()
    os.utime(half_made, (0, 0))  # no stamp: its own date counts
    assert purge_unused(tmp_path, MONTH) == ["d" * 20]
    assert other.is_dir()


def test_a_task_waiting_on_a_removed_lock_takes_the_new_one(tmp_path):
    """The purge deletes the lock file it holds: a task that opened it meanwhile must not
    count the lock it then gets on the deleted file."""
    lock = tmp_path / "e.lock"
    got: list[int] = []
    with held(lock, exclusive=True):
        waiter = threading.Thread(target=lambda: _hold_and_record(lock, got))
        waiter.start()
        time.sleep(0.1)  # the waiter has opened the file and waits on it
        lock.unlink()
    waiter.join(5)
    assert got == [lock.stat().st_ino]  # the file at the path now, not the deleted one


def _hold_and_record(lock: Path, got: list[int]) -> None:
    with held(lock, exclusive=False):
        got.append(lock.stat().st_ino)


@pytest.mark.django_db(transaction=True)
def test_a_run_marks_its_environment_used_and_the_housekeeping_removes_it_once_unused(tmp_path):
    wheel = write_wheel(tmp_path)
    flow = script_flow("deps_purged", wheel, [wheel.requirement])
    first = run_flow(flow, timeout=180)
    assert first.state == "SUCCESS", first.logs()
    home = Path(first.one("py").outputs["vars"]["prefix"])
    os.utime(home / USED, (0, 0))
    run_flow(flow, timeout=180)
    assert time.time() - (home / USED).stat().st_mtime < DAY  # used again: fresh

    os.utime(home / USED, (0, 0))
    removed = run_chores()["unused Python dependency environments removed"]
    assert removed == [home.name] and not home.exists()
    assert home.parent == Path(settings.DATA_DIR) / FOLDER


@pytest.mark.django_db(transaction=True)
def test_building_a_new_environment_removes_the_unused_ones(tmp_path):
    old = environment(Path(settings.DATA_DIR) / FOLDER, "f" * 20, days_unused=31)
    wheel = write_wheel(tmp_path)
    run = run_flow(script_flow("deps_new", wheel, [wheel.requirement]), timeout=180)
    assert run.state == "SUCCESS", run.logs()
    assert not old.exists()


def test_the_housekeeping_runs_again_only_once_its_period_passed():
    housekeeping = Housekeeping(every=3600)
    assert housekeeping.run_due() is True
    assert housekeeping.thread is not None
    housekeeping.thread.join(30)
    assert housekeeping.run_due() is False
