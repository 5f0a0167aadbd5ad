"""The runtime the executor gives to executable tasks (Pause, Subflow, ForEachItem)."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol


class ExecutableRuntime(Protocol):
    def render(self, value: Any, taskrun, extra: dict | None = None) -> Any: ...
    def render_property(self, taskrun, name: str, default: Any = None) -> Any:
        """The task's property rendered and read as its declared kind, as
        RunContext.render_property; raises PropertyInvalid."""
    def logger(self, taskrun): ...
    def now(self) -> datetime: ...
    def set_state(self, taskrun, state, wait_until: datetime | None = None) -> None: ...
    def set_outputs(self, taskrun, outputs: dict) -> None: ...
    def memo(self, taskrun) -> dict: ...
    def save_memo(self, taskrun) -> None: ...

    def start_execution(self, namespace: str, flow_id: str, inputs: dict, labels: list, taskrun,
                        revision: int | None = None, wait: bool = True, *, trigger_type: str) -> str:
        """Create an execution of another flow (raises ValueError naming what is wrong);
        its `trigger` names the task that started it, by `trigger_type`."""

    def execution_result(self, execution_id: str) -> tuple[str, dict]:
        """(state, outputs) of an execution."""

    def render_in_execution(self, execution_id: str, value: Any) -> Any:
        """Render `value` in the context of another execution (its flow, its outputs)."""

    def execution_states(self, execution_ids) -> dict:
        """execution id -> state."""

    def sibling_outputs(self, taskrun, task_id: str) -> dict | None:
        """Outputs of the taskrun of `task_id` beside `taskrun` (same parent, same value)."""

    def kill_execution(self, execution_id: str) -> None: ...
    def current_execution(self): ...
    def open_file(self, uri: str):
        """Open for reading a file the execution may read (its own, its namespace's, its
        parent's); raises storage.StorageError naming the refusal or the missing file."""
    def put_bytes(self, taskrun, name: str, data: bytes) -> str: ...
    def storage_uri(self, taskrun, name: str) -> str:
        """The kestra:// URI `put_bytes` would give `name`, without writing anything."""
