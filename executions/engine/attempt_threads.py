"""Where a cluster worker process runs its attempts: on threads of its own, so a long
task (a Sleep of an hour, a slow query) does not hold one of django-q2's few worker
processes, which every `advance` of every execution needs too; Kestra likewise keeps
its executor apart from its worker threads.

A django-q2 `run_taskrun` task returns once its attempt has a thread. At most
settings.WORKER_THREADS attempts run at once in a process; past that the task waits
for a free one, so a busy process stops taking work and leaves it to the others. The
threads are daemons: a process that stops leaves its unfinished attempts RUNNING
under a dead pid, and the sweeper runs them again (see workers_alive), as after a
crash; waiting for them would make a Ctrl-C wait for an hour's Sleep."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, connection


class AttemptThreads:
    def __init__(self):
        self.lock = threading.Lock()
        self.slots: threading.BoundedSemaphore | None = None
        self.pid = 0

    def _slots(self) -> threading.BoundedSemaphore:
        with self.lock:
            if self.slots is None or self.pid != os.getpid():  # a forked process counts its own
                self.pid, self.slots = os.getpid(), threading.BoundedSemaphore(settings.WORKER_THREADS)
            return self.slots

    def start(self, attempt: Callable[[str], None], taskrun_id: str) -> None:
        slots = self._slots()
        slots.acquire()
        thread = threading.Thread(target=self._run, args=(slots, attempt, taskrun_id),
                                  name=f"kestraweb-attempt-{taskrun_id}", daemon=True)
        thread.start()

    @staticmethod
    def _run(slots, attempt, taskrun_id):
        try:
            attempt(taskrun_id)  # an error goes to threading's excepthook (stderr): a bug, not an outcome
        finally:
            close_old_connections()
            connection.close()
            slots.release()


ATTEMPT_THREADS = AttemptThreads()
