"""What a running task may use: the interface the engine gives to plugins.

Plugins depend on this protocol, never on the engine's models.
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

if TYPE_CHECKING:
    from .cancellation import Cancellation
    from .files import NewFile
    from .taskrun import TaskRunView


class TaskLogger(Protocol):
    def log(self, level: str, message: object) -> None:
        """A line at `level`, one of plugins.api.log_levels.LOG_LEVELS."""
    def trace(self, message: str) -> None: ...
    def debug(self, message: str) -> None: ...
    def info(self, message: str) -> None: ...
    def warn(self, message: str) -> None: ...
    def error(self, message: str) -> None: ...


class KeyNotFound(LookupError):
    """No value for a KV key that must have one (Kestra's kv(): errorOnMissing)."""


class KeyExpired(LookupError):
    """A KV key whose TTL has passed (Kestra's ResourceExpiredException); reading it
    deletes it."""

    def __init__(self) -> None:
        super().__init__("The requested value has expired")


class FlowNotFound(LookupError):
    """No flow of that namespace and id (or the execution may not reach it)."""


class TriggerNotFound(LookupError):
    """The flow has no trigger of that id."""


class KVStore(Protocol):
    def get(self, key: str, namespace: str | None = None, error_on_missing: bool = False) -> Any:
        """The key's value or None; raises KeyExpired, and KeyNotFound with error_on_missing."""
    def set(self, key: str, value: Any, namespace: str | None = None, ttl: timedelta | None = None,
            overwrite: bool = True) -> None:
        """Create or replace the key (ValueError when it exists and not `overwrite`);
        `ttl` from now, parsed by the task (plugins.api.durations.parse_duration)."""
    def delete(self, key: str, namespace: str | None = None) -> bool: ...


class RunContext(Protocol):
    namespace: str
    flow_id: str
    execution_id: str
    taskrun_id: str | None  # None only while the engine renders flow-level values

    # Read-only to a task (properties), which also lets the engine give subclasses.
    @property
    def logger(self) -> TaskLogger: ...
    @property
    def kv(self) -> KVStore: ...
    @property
    def cancellation(self) -> Cancellation:
        """Kill and timeout: check, wait, register a callback (plugins.api.cancellation)."""

    @property
    def taskrun(self) -> TaskRunView | None:
        """This taskrun, read-only: a task changes it only by its outputs or errors
        (None only while the engine renders flow-level values)."""

    def render(self, value: Any, extra: dict[str, Any] | None = None) -> Any:
        """Render Pebble expressions in a value (strings inside lists and maps too)."""

    def render_property(self, name: str, default: Any = None) -> Any:
        """The task's property `name`, rendered."""

    def sleep(self, seconds: float) -> None:
        """Wait, returning early with TaskInterrupted when the task is killed or times out."""

    def check_interrupted(self) -> None:
        """Raise TaskInterrupted when the task was killed or is past its timeout
        (the same as `cancellation.check()`)."""

    def working_dir(self) -> Path:
        """A temporary folder for this attempt (shared inside a WorkingDirectory)."""

    def put_file(self, path: Path, name: str | None = None) -> str:
        """Copy a local file to internal storage; returns its kestra:// URI."""

    def new_file(self, name: str) -> AbstractContextManager[NewFile]:
        """A binary file of this taskrun written straight into internal storage; its
        `.uri` is set when the `with` block ends (plugins.api.files)."""

    def open_file(self, uri: str) -> BinaryIO:
        """Open for reading a file the execution may read (its own, its namespace's, its
        parent's); raises storage.StorageError naming the refusal or the missing file."""

    def secret(self, name: str) -> str: ...

    def add_labels(self, labels: dict[str, Any]) -> None:
        """Add or replace labels of the running execution."""

    def metric(self, kind: str, name: str, value: float, tags: dict[str, Any] | None = None) -> None:
        """Record a metric of this taskrun (Kestra's Counter and Timer): kind "counter"
        with a count, or "timer" with a duration in seconds; tags are strings."""

    def toggle_trigger(self, namespace: str, flow_id: str, trigger_id: str, enabled: bool) -> None:
        """Enable or disable a trigger of a flow; raises FlowNotFound or TriggerNotFound."""

    def sibling_outputs(self, task_id: str) -> dict[str, Any] | None:
        """Outputs of the taskrun of `task_id` beside this one (same parent, same loop
        value), for tasks that work in steps (ForEachItem's)."""


class TaskFailed(Exception):
    """A task ends FAILED with this message (logged at ERROR)."""


class TaskInterrupted(Exception):
    """A task stops because it was killed or ran past its timeout: the message is
    "killed" or "timeout" (plugins.api.cancellation)."""


class TaskWarning(Exception):
    """A task ends WARNING with this message; `outputs` are kept."""

    def __init__(self, message: str, outputs: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.outputs = outputs or {}
