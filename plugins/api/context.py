"""What a running task may use: the interface the engine gives to plugins.

Plugins depend on this protocol, never on the engine's models.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol

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
    def lines(self, lines: Iterable[tuple[str, str, datetime]]) -> None:
        """Log many lines at once, each (level, message, when it was seen), with one
        write; what plugins.api.process uses for a subprocess's output."""


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


class ExecutionNotFound(LookupError):
    """No execution of that id (in the namespace and flow named, when they are)."""


class ExecutionNotResumable(Exception):
    """The execution exists but cannot be resumed (it is not PAUSED)."""


@dataclass(frozen=True)
class ExecutionInfo:
    """Who an execution is: what a task acting on another execution reports."""
    id: str
    namespace: str
    flow_id: str


@dataclass(frozen=True)
class PurgeFilter:
    """Which executions, or log lines, a purge removes (Kestra's PurgeExecutions and
    PurgeLogs): with no `flow_id` the namespace is a prefix (children included), with
    none every namespace; dates bound the execution's start (a log line's timestamp)."""
    end_date: datetime
    namespace: str | None = None
    flow_id: str | None = None
    start_date: datetime | None = None
    states: tuple[str, ...] = ()
    execution_id: str | None = None
    levels: tuple[str, ...] = ()


class NamespaceFileStore(Protocol):
    """The files of one namespace, paths relative to them with `/` (storage.namespace_files)."""
    def list(self, include: list[str] | None = None) -> list[str]: ...
    def exists(self, path: str) -> bool: ...
    def open(self, path: str) -> IO[bytes]: ...
    def write_file(self, path: str, source: Path) -> str:
        """Store a local file at `path`; returns its kestra:// URI."""
    def delete(self, path: str) -> bool:
        """Delete the file at `path`; False when there was none."""
    def remove_empty_folder(self, folder: str) -> None:
        """Remove the folder at `folder` when no file is left below it."""


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
        """The task's property `name` (or its older alias; else `default`, else the
        declared default), rendered and read as its declared kind: an integer from "3",
        a boolean from "true", a timedelta from "PT5S", an enum value in its declared
        spelling, a list or map from JSON text. Raises PropertyInvalid (a TaskFailed
        naming the task, the property and the value) when it cannot be read."""

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

    # --- what the core storage, state, log, execution and namespace tasks ask of the
    # engine (issue 16 item 8); each raises a named error, never a bare one -------------
    def file_size(self, uri: str) -> int:
        """Size in bytes of a file the execution may read; storage.StorageError otherwise."""

    def delete_file(self, uri: str) -> bool:
        """Delete a file the execution may read; False when there was none."""

    def delete_execution_files(self) -> list[str]:
        """Delete every file of this execution (inputs, task outputs, trigger files);
        the URIs deleted."""

    def task_state(self, name: str, flow_wide: bool, by_value: bool) -> TaskStateFile:
        """The state file `name` of Kestra's deprecated state tasks: of the flow (or the
        whole namespace when not `flow_wide`), one per taskrun value when `by_value`."""

    def namespace_files(self, namespace: str) -> NamespaceFileStore:
        """The files of a namespace (Kestra OSS lets a flow reach any namespace's)."""

    def fetch_logs(self, target: ExecutionInfo, min_level: str, task_ids: list[str]) -> Iterator[dict[str, Any]]:
        """The log lines of the execution of that flow at `min_level` or above (of these
        tasks when given), oldest first, as the logs API gives them; none when the
        execution is not the flow's."""

    def purge_executions(self, which: PurgeFilter, executions: bool, logs: bool, metrics: bool,
                         storage: bool, batch_size: int = 100) -> dict[str, int]:
        """Delete ended executions and what belongs to them; the counts by Kestra's names
        (executionsCount, logsCount, storagesCount, metricsCount, taskOutputsCount)."""

    def purge_logs(self, which: PurgeFilter, execution_logs: bool, other_logs: bool) -> dict[str, int]:
        """Delete log lines; the counts (executionLogsCount, nonExecutionLogsCount)."""

    def purge_kv(self, namespaces: list[str] | None, namespace_glob: str | None, key_glob: str | None,
                 children: bool, expired_only: bool) -> int:
        """Delete KV keys of the namespaces named (with their children) or matching a glob
        (all when neither); only the expired ones with `expired_only`. Returns the count."""

    def resume_execution(self, target: ExecutionInfo, inputs: dict[str, Any] | None) -> None:
        """Resume a PAUSED execution of that flow (its first waiting Pause gets `inputs`
        as onResume); raises ExecutionNotFound or ExecutionNotResumable."""


class TaskStateFile(Protocol):
    """One state file of the deprecated state tasks, JSON kept in internal storage."""
    def read(self) -> bytes | None: ...
    def write(self, data: bytes) -> str:
        """Replace the file; returns its kestra:// URI."""
    def delete(self) -> bool: ...


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
