"""The lock file beside each cached dependency environment (python_dependencies).

A task using an environment holds it shared for its whole run; building one, or
removing an unused one (python_environment_purge), holds it exclusive. flock locks an
open file, so two threads of one process exclude each other as two processes do.

The purge deletes the lock file too, while it holds it: whoever was waiting on that
file then holds a lock nobody else will ever look at. So a lock counts only once the
file it was taken on is still the one at its path; otherwise it is taken again, on the
file there now."""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def held(path: Path, *, exclusive: bool, wait: bool = True) -> Iterator[bool]:
    """Hold `path`'s lock while inside; yields False (holding nothing) when `wait` is
    False and another holds it in a way that excludes this one."""
    mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
    while True:
        handle = path.open("a")
        try:
            try:
                fcntl.flock(handle, mode)
            except BlockingIOError:
                yield False
                return
            if _still_there(path, handle.fileno()):
                yield True
                return
        finally:
            handle.close()  # closing the file releases its lock


def _still_there(path: Path, fd: int) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (opened.st_dev, opened.st_ino)
