"""nats-py is asyncio; triggers are called from plain threads. A Bridge runs one event
loop in its own thread for the life of a connection, so an event's ack, called later
from any thread, reaches the same connection."""
from __future__ import annotations

import asyncio
import threading


class Bridge:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="nats-trigger", daemon=True)
        self.thread.start()

    def call(self, coroutine, timeout: float | None = None):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
