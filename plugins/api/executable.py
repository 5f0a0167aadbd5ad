"""The runtime the executor gives to executable tasks (Pause, Subflow, ForEachItem)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, BinaryIO, Protocol

from .taskrun import TaskRunModel


class ExecutableRuntime(Protocol):
    def render(self, value: Any, taskrun: TaskRunModel, extra: dict[str, Any] | None = None) -> Any: ...
    def logger(self, taskrun: TaskRunModel) -> Any: ...
    def now(self) -> datetime: ...
    def set_state(self, taskrun: TaskRunModel, state: Any, wait_until: datetime | None = None) -> None: ...
    def set_outputs(self, taskrun: TaskRunModel, outputs: dict[str, Any]) -> None: ...
    def memo(self, taskrun: TaskRunModel) -> dict[str, Any]: ...
    def save_memo(self, taskrun: TaskRunModel) -> None: ...

    def start_execution(self, namespace: str, flow_id: str, inputs: dict[str, Any], labels: list[dict[str, str]],
                        taskrun: TaskRunModel,
                        revision: int | None = None, wait: bool = True, *, trigger_type: str) -> str:
        """Create an execution of another flow (raises ValueError naming what is wrong);
        its `trigger` names the task that started it, by `trigger_type`."""

    def execution_result(self, execution_id: str) -> tuple[str, dict[str, Any]]:
        """(state, outputs) of an execution."""

    def render_in_execution(self, execution_id: str, value: Any) -> Any:
        """Render `value` in the context of another execution (its flow, its outputs)."""

    def execution_states(self, execution_ids: list[str]) -> dict[str, Any]:
        """execution id -> state."""

    def sibling_outputs(self, taskrun: TaskRunModel, task_id: str) -> dict[str, Any] | None:
        """Outputs of the taskrun of `task_id` beside `taskrun` (same parent: TaskRunModel, same value)."""

    def kill_execution(self, execution_id: str) -> None: ...
    def current_execution(self) -> Any: ...
    def open_file(self, uri: str) -> BinaryIO:
        """Open for reading a file the execution may read (its own, its namespace's, its
        parent's); raises storage.StorageError naming the refusal or the missing file."""
    def put_bytes(self, taskrun: TaskRunModel, name: str, data: bytes) -> str: ...
    def storage_uri(self, taskrun: TaskRunModel, name: str) -> str:
        """The kestra:// URI `put_bytes` would give `name`, without writing anything."""
