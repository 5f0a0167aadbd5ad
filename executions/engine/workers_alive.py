"""Telling a taskrun whose worker died from one whose worker is still busy.

A worker is named `host:pid`. On this host a dead pid says it at once. Otherwise the
worker is presumed dead, or no longer running that task (a queue's worker process
lives on after a task it gave up on), once the taskrun's heartbeat (see watchdog) is
older than settings.WORKER_HEARTBEAT_TIMEOUT."""
from __future__ import annotations

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

HOST = socket.gethostname()


def worker_id() -> str:
    """This process's worker name, read when asked: a queue's worker processes are
    forked after the module is imported, each with a pid of its own."""
    return f"{HOST}:{os.getpid()}"


def heartbeat_timeout() -> timedelta:
    return timedelta(seconds=settings.WORKER_HEARTBEAT_TIMEOUT)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_orphan(taskrun) -> bool:
    if not taskrun.worker:
        return False
    host, _, pid = taskrun.worker.rpartition(":")
    if host == HOST and pid.isdigit() and not _pid_alive(int(pid)):
        return True
    return taskrun.heartbeat is None or timezone.now() - taskrun.heartbeat > heartbeat_timeout()
