"""The lock file beside each cached dependency environment (python_dependencies).

A task using an environment holds it shared for its whole run; building one, or
removing an unused one (python_environment_purge), holds it exclusive. flock locks an
open file, so two threads of one process exclude each other as two processes do.

The purge deletes the lock file too, while it holds it: whoever was waiting on that
file then holds a lock nobody else will ever look at. So a lock counts only once the
file it was taken on is still the one at its path; otherwise it is taken again, on the
file there now.

A task waiting for another one's install must still stop when it is killed or times
out, and a blocked flock cannot be interrupted: a waiter given a `pause` (the task's
ctx.sleep, which raises when the task is stopped) tries again between pauses instead."""
from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FIRST_PAUSE = 0.01  # seconds; doubled up to LONGEST_PAUSE while the lock stays taken
LONGEST_PAUSE = 0.25


@contextmanager
def held(path: Path, *, exclusive: bool, wait: bool = True,
         pause: Callable[[float], object] | None = None) -> Iterator[bool]:
    """Hold `path`'s lock while inside; yields False (holding nothing) when `wait` is
    False and another holds it in a way that excludes this one. With `pause`, the wait
    is tries between pauses, which may raise to give up."""
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    while True:
        handle = path.open("a")
        try:
            if not _take(handle.fileno(), mode, wait, pause):
                yield False
                return
            if _still_there(path, handle.fileno()):
                yield True
                return
        finally:
            handle.close()  # closing the file releases its lock


def _take(fd: int, mode: int, wait: bool, pause: Callable[[float], object] | None) -> bool:
    """Whether the lock was taken (always, when waiting, unless `pause` raised)."""
    if not wait:
        return _try(fd, mode)
    if pause is None:
        fcntl.flock(fd, mode)
        return True
    delay = FIRST_PAUSE
    while not _try(fd, mode):
        pause(delay)
        delay = min(delay * 2, LONGEST_PAUSE)
    return True


def _try(fd: int, mode: int) -> bool:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_there(path: Path, fd: int) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (opened.st_dev, opened.st_ino)
