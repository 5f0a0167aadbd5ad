"""Django's ASGI handler with its request threads kept for the next request.

Django runs each request's synchronous part (middleware, view) in a thread of its own,
started for that request and ended after it. Django's database connections are
per-thread, so every request also opened a new one: for SQLite a new file handle, the
schema parsed again and a cold page cache (4 to 10 ms of a 30 ms search); for
PostgreSQL a new login. Here a request borrows a one-thread executor from a pool of
idle ones, and gives it back after, so its thread and its connection (CONN_MAX_AGE)
serve the next request. The pool never makes a request wait: with none idle, a new
executor is made, and one beyond KESTRAWEB_WEB_IDLE_THREADS is shut down on return."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext
from django.core.handlers.asgi import ASGIHandler

IDLE_THREADS = int(os.environ.get("KESTRAWEB_WEB_IDLE_THREADS", "8"))


class ExecutorPool:
    """Idle one-thread executors. The event loop is the only caller: no lock needed."""

    def __init__(self, keep: int = IDLE_THREADS):
        self.keep = keep
        self.idle: list[ThreadPoolExecutor] = []

    def borrow(self) -> ThreadPoolExecutor:
        return self.idle.pop() if self.idle else ThreadPoolExecutor(max_workers=1,
                                                                    thread_name_prefix="web-request")

    def give_back(self, executor: ThreadPoolExecutor) -> None:
        if len(self.idle) < self.keep:
            self.idle.append(executor)
        else:
            # Not joined here: its thread may still be finishing and the loop must not block.
            executor.shutdown(wait=False)


class PooledThreadsASGIHandler(ASGIHandler):
    def __init__(self, pool: ExecutorPool | None = None):
        super().__init__()
        self.pool = pool or ExecutorPool()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        executor = self.pool.borrow()
        try:
            # Django's own ThreadSensitiveContext inside is then a no-op: the outermost
            # one decides the thread, and its executor stays ours (not shut down on exit).
            async with ThreadSensitiveContext(executor=executor):
                await super().__call__(scope, receive, send)
        except BaseException:
            # Cancelled (the client left) or failed: its thread may still be busy with
            # this request, so it serves no other.
            executor.shutdown(wait=False)
            raise
        self.pool.give_back(executor)
