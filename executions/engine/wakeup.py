"""A wake-up call from the processes that queue a step to the cluster's pushers on the
same machine, so a pusher of the ORM broker takes a new task at once instead of at its
next poll.

Each listening pusher binds a unix datagram socket of its own in one folder (one per
database and queue: whoever queues to that table finds the folder); `notify` sends one
byte to every socket there. On PostgreSQL a pusher also LISTENs (pg_listen.py), which
reaches the pushers of every machine. It is only a hint: a datagram lost, a socket never bound
(no AF_UNIX, a folder not writable) or a pusher on another machine leaves the task to
the poll, which still finds every task. A socket nobody listens on any more (its
pusher died) refuses the datagram and is removed."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import select
import socket
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

HAS_UNIX_SOCKETS = hasattr(socket, "AF_UNIX")
SUFFIX = ".sock"
GONE = (errno.ECONNREFUSED, errno.ENOENT, errno.ENOTSOCK)


def folder_for(*identity: object) -> Path:
    """The rendezvous folder of one queue: short (a socket path holds ~100 characters)
    and the same in every process that names the same database and queue."""
    digest = hashlib.sha1(repr(identity).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kestraweb-wake-{digest}"


class Source(Protocol):
    """Another way calls come in (a PostgreSQL LISTEN): `fileno()` is None while it is
    down; `drain()` takes the calls that arrived."""

    def fileno(self) -> int | None: ...

    def drain(self) -> None: ...

    def close(self) -> None: ...


class Listener:
    """The pusher's end: `wait(timeout)` returns when woken or when the timeout ran out."""

    def __init__(self, folder: Path, sources: Sequence[Source] = ()):
        self.folder = folder
        self.sources = list(sources)
        self.path: Path | None = None
        self.sock: socket.socket | None = None
        if HAS_UNIX_SOCKETS:
            self._bind()

    def _bind(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}{SUFFIX}"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(str(path))
        except OSError:  # no wake-up then: the poll alone finds the tasks
            return
        sock.setblocking(False)
        self.sock, self.path = sock, path

    @property
    def listening(self) -> bool:
        return self.sock is not None

    def wait(self, timeout: float) -> bool:
        """Sleep until a wake-up call or `timeout` seconds; True when woken. Every call
        waiting is taken at once: one look at the queue answers them all."""
        watched = [source for source in self.sources if source.fileno() is not None]
        if self.sock is not None:
            watched.append(self.sock)
        ready, _, _ = select.select(watched, [], [], timeout)
        for source in ready:
            if source is self.sock:
                with contextlib.suppress(BlockingIOError):
                    while True:
                        self.sock.recv(64)
            else:
                source.drain()
        return bool(ready)

    def close(self) -> None:
        for source in self.sources:
            source.close()
        if self.sock is not None:
            self.sock.close()
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.sock = None


def notify(folder: Path) -> int:
    """Wake every listener in `folder`; how many were sent the call."""
    if not HAS_UNIX_SOCKETS:
        return 0
    try:
        paths = [entry.path for entry in os.scandir(folder) if entry.name.endswith(SUFFIX)]
    except OSError:  # no listener ever bound here
        return 0
    sent = 0
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.setblocking(False)
        for path in paths:
            try:
                sock.sendto(b"!", path)
                sent += 1
            except BlockingIOError:  # its buffer is full of calls it has not taken yet: awake already
                sent += 1
            except OSError as exc:
                if exc.errno in GONE:  # its pusher is gone
                    with contextlib.suppress(OSError):
                        os.unlink(path)
    return sent
