"""Kestra's execution and taskrun states, and the sets the engine and flowables reason
with. They belong to the plugin interface: flowables decide states, the engine stores them."""
from collections.abc import Iterable
from enum import Enum


class State(str, Enum):
    CREATED = "CREATED"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    PAUSED = "PAUSED"
    RESTARTED = "RESTARTED"
    KILLING = "KILLING"
    SUCCESS = "SUCCESS"
    WARNING = "WARNING"
    FAILED = "FAILED"
    KILLED = "KILLED"
    CANCELLED = "CANCELLED"
    RETRYING = "RETRYING"
    RETRIED = "RETRIED"
    SKIPPED = "SKIPPED"
    # Kestra 2.0's debug mode: a taskrun held before it starts, and its execution with it,
    # until resume-from-breakpoint (executions/engine/breakpoints.py).
    BREAKPOINT = "BREAKPOINT"

    def __str__(self) -> str:
        return self.value


TERMINAL = frozenset({State.SUCCESS, State.WARNING, State.FAILED, State.KILLED, State.CANCELLED,
                      State.RETRIED, State.SKIPPED})
# States in which a finished child lets its branch go on.
SUCCESSFUL = frozenset({State.SUCCESS, State.WARNING, State.SKIPPED})
FAILING = frozenset({State.FAILED, State.KILLED, State.CANCELLED})
CHOICES = [(s.value, s.value) for s in State]


def is_terminal(state: State | str) -> bool:
    return State(state) in TERMINAL


def worst(states: Iterable[State | str]) -> State:
    """The combined outcome of finished children: any failure fails, then a warning warns."""
    states = {State(s) for s in states}
    if State.KILLED in states:
        return State.KILLED
    if states & {State.FAILED, State.CANCELLED}:
        return State.FAILED
    if State.WARNING in states:
        return State.WARNING
    return State.SUCCESS
