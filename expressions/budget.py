"""The budget of the render in progress: its Limits, its deadline, and the task's kill
switch. A render opens one (render.py) and everything it calls - filters, functions,
loops, operators, nested `render()` calls - reads it with `current()`, so the checks
need no argument threaded through Jinja.

The checks are cheap (a clock read, a length compared) and sit where work can grow:
each loop iteration and call (time), each string or list built by something that can
multiply its size (size, checked before building it where the size is known)."""
from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from contextvars import ContextVar
from time import monotonic

from .limits import LimitExceeded, Limits, RenderInterrupted


DEFAULT_LIMITS = Limits()


class Budget:
    """One render's bounds. `deadline` (time.monotonic) is the task's own, when it has a
    timeout; the render stops at the earlier of it and its own timeout. `cancelled` is
    the task's kill switch (anything with `is_set()`)."""
    __slots__ = ("limits", "deadline", "task_deadline", "cancelled")

    def __init__(self, limits: Limits | None = None, deadline: float | None = None, cancelled=None):
        self.limits = limits or DEFAULT_LIMITS
        own = monotonic() + self.limits.timeout
        self.task_deadline = deadline if deadline is not None and deadline < own else None
        self.deadline = own if self.task_deadline is None else self.task_deadline
        self.cancelled = cancelled

    def check_time(self) -> None:
        if monotonic() >= self.deadline or self.cancelled is not None and self.cancelled.is_set():
            self._stop()

    def _stop(self):
        if self.cancelled is not None and self.cancelled.is_set():
            raise RenderInterrupted("The rendering was stopped: the task was killed")
        if self.task_deadline is not None:
            raise RenderInterrupted("The rendering was stopped: the task ran past its timeout")
        raise LimitExceeded(self.limits, "timeout", f"The rendering ran longer than {self.limits.timeout:g}s")

    def check_size(self, size: int, what: str = "string") -> None:
        """Before building a string (characters) or a list (items) of `size`."""
        if size > self.limits.max_output:
            raise LimitExceeded(self.limits, "max_output", f"The expression would build a {what} of {size} "
                                                           f"{'characters' if what == 'string' else 'items'}")

    def check_range(self, size: int) -> None:
        if size > self.limits.max_range:
            raise LimitExceeded(self.limits, "max_range", f"A range of {size} items")

    def regex_timeout(self) -> float:
        """Seconds the next regular expression may run: its own limit, or less when the
        render's deadline is nearer."""
        return max(0.001, min(self.limits.regex_timeout, self.deadline - monotonic()))

    def regex_timed_out(self, regex: str):
        """The error for a regular expression stopped by its timeout."""
        if monotonic() >= self.deadline:
            self._stop()
        return LimitExceeded(self.limits, "regex_timeout",
                             f"The regular expression '{regex}' ran longer than {self.limits.regex_timeout:g}s")


# Outside any render (a filter called on its own, a pattern a task runs over a file, one
# checked by the flow spec): the sizes are bounded, the time only per regular expression.
IDLE = Budget(Limits(timeout=math.inf))
_active: ContextVar[Budget | None] = ContextVar("kestraweb_expression_budget", default=None)
_idle_limits: Callable[[], Limits] | None = None


def current() -> Budget:
    budget = _active.get()
    if budget is not None:
        return budget
    return IDLE if _idle_limits is None else Budget(replace(_idle_limits(), timeout=math.inf))


def bound_outside_renders(limits: Callable[[], Limits]) -> None:
    """Where the limits outside a render come from: the engine passes its settings'
    (expressions/ reads none itself), asked each time so a changed setting applies."""
    global _idle_limits
    _idle_limits = limits


def opened(budget: Budget | None):
    """Make `budget` the render's own, unless a render is already in progress (a nested
    `render()` call shares its caller's budget). Returns the token for `closed`, or None."""
    if _active.get() is not None:
        return None
    return _active.set(budget or Budget())


def closed(token) -> None:
    if token is not None:
        _active.reset(token)


@contextmanager
def within(budget: Budget):
    """Several renders (and patterns run outside a render) under one budget: a flow's
    input checks, say, with the engine's limits."""
    token = opened(budget)
    try:
        yield budget
    finally:
        closed(token)
