"""Periodic chores of the plugin families: what a family leaves on a worker's disk and
no run's end removes (Python dependency environments nobody used for a month).

A family registers a chore with `@chore("what it tidies")`; every cluster (`manage.py
runcluster`, on each machine whose worker files it tidies) runs them all every
settings.HOUSEKEEPING_EVERY seconds, the first time when it starts. The engine names
no family: it asks this module, which loads every family first (plugins.api.registry)."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from .registry import load_all

log = logging.getLogger(__name__)
Chore = Callable[[], object]
_chores: dict[str, Chore] = {}


def chore(name: str) -> Callable[[Chore], Chore]:
    """Decorator: run this function periodically (its result is logged at INFO)."""
    def register(function: Chore) -> Chore:
        _chores[name] = function
        return function
    return register


def run_chores() -> dict[str, object]:
    """Run every family's chores once; name -> what each returned (its error, when it
    failed: one chore failing neither stops the others nor the cluster)."""
    load_all()
    results: dict[str, object] = {}
    for name, function in sorted(_chores.items()):
        try:
            results[name] = function()
        except Exception as exc:  # noqa: BLE001 - any chore's failure is logged and retried next period
            log.exception("housekeeping: %s failed", name)
            results[name] = exc
        else:
            log.info("housekeeping: %s: %s", name, results[name])
    return results


class Housekeeping:
    """When the chores are due again, for a loop that calls `run_due` often. They run on
    a thread of their own: removing a large folder must not hold up the sweeps of the
    loop that asks (a Pause's delay, a retry's interval)."""

    def __init__(self, every: float):
        self.every = every
        self.next_at = 0.0
        self.thread: threading.Thread | None = None

    def run_due(self) -> bool:
        """Start the chores when due and not still running from last time; whether started."""
        now = time.monotonic()
        if now < self.next_at or (self.thread is not None and self.thread.is_alive()):
            return False
        self.next_at = now + self.every
        self.thread = threading.Thread(target=run_chores, name="kestraweb-housekeeping", daemon=True)
        self.thread.start()
        return True
