"""Telling a taskrun whose worker died from one whose worker is still busy."""
from __future__ import annotations

import os
import socket
from datetime import timedelta

from django.utils import timezone

HOST = socket.gethostname()
# A worker on another machine is presumed dead once its heartbeat is this old.
HEARTBEAT_TIMEOUT = timedelta(seconds=60)


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
    if host == HOST and pid.isdigit():
        return not _pid_alive(int(pid))
    return taskrun.heartbeat is None or timezone.now() - taskrun.heartbeat > HEARTBEAT_TIMEOUT
