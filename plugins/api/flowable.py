"""What flowable tasks return to the engine, and the runtime they reason with.

A flowable's `resolve(rt, taskrun: TaskRunModel)` looks at its children's taskruns (through `rt`) and
returns a Step: the children to create now, and its own final state once decided.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from .taskrun import TaskRunModel

# The memo key where a flowable that gives its children one shared folder (Kestra's
# WorkingDirectory) keeps that folder's path. The engine looks for it on a task's
# ancestors to give the task that folder and Kestra's `workerTaskrun` variable.
SHARED_FOLDER_MEMO = "workingDir"


class ChildLayout(Enum):
    """How a flowable's children follow one another in Kestra's flow graph (GraphUtils),
    which replay walks to find what comes after a taskrun. A flowable type declares it
    (TaskType.layout_of_children), so the engine needs no list of types."""

    SEQUENCE = "sequence"  # each child after the one before
    SIDE_BY_SIDE = "side by side"  # every child from the flowable's start (Parallel)
    DEPENDENCIES = "dependencies"  # each child after those it depends on (Dag: TaskType.child_dependencies)


@dataclass
class Child:
    """A taskrun to create under the flowable's taskrun."""

    spec: dict[str, Any]
    value: str | None = None  # None: the parent's value
    iteration: bool = False  # True when `value` is a loop value keying outputs
    number: int | None = None  # Kestra's `taskrun.iteration` of a loop's child


@dataclass
class Step:
    create: list[Child] = field(default_factory=list)
    state: Any = None  # executions.states.State once the flowable is done, else None

    @property
    def done(self) -> bool:
        return self.state is not None


class FlowableRuntime(Protocol):
    loop_max_values: int  # the most values a loop may take (setting KESTRAWEB_LOOP_MAX_VALUES)

    def sequential(self, tasks: list[dict[str, Any]], parent: TaskRunModel, value: str | None = None,
                   iteration: bool = False, number: int | None = None) -> Step: ...
    def parallel(self, tasks: list[dict[str, Any]], parent: TaskRunModel, limit: int = 0, value: str | None = None,
                 iteration: bool = False, number: int | None = None) -> Step: ...
    def with_handlers(self, step: Step, parent: TaskRunModel, errors: list[dict[str, Any]] | None = None,
                      finally_: list[dict[str, Any]] | None = None) -> Step: ...
    def render(self, value: Any, taskrun: TaskRunModel) -> Any: ...
    def children(self, taskrun: TaskRunModel) -> list[Any]: ...
    def find(self, task_id: str, parent: TaskRunModel, value: str | None = None) -> Any: ...
    def memo(self, taskrun: TaskRunModel) -> dict[str, Any]: ...
    def save_memo(self, taskrun: TaskRunModel) -> None: ...
    def scratch(self, taskrun: TaskRunModel) -> dict[str, Any]:
        """A dict kept for `taskrun` from one round to the next while the engine's view
        of the execution lives (it may be emptied at any time): what a flowable derived
        from its children, so the next round need not derive it again."""
    def set_outputs(self, taskrun: TaskRunModel, outputs: dict[str, Any]) -> None: ...
    def put_file(self, taskrun: TaskRunModel, path: Path, name: str) -> str: ...
    def namespace_files(self, namespace: str | None = None) -> Any:
        """storage.namespace_files.NamespaceFiles of `namespace` (default: the flow's)."""
    def task_cache(self, taskrun: TaskRunModel) -> Any:
        """storage.cache_files.TaskCache of the taskrun's task in this flow."""
    def now(self) -> datetime: ...
    def set_wait(self, taskrun: TaskRunModel, until: datetime) -> None: ...
    def set_paused(self, taskrun: TaskRunModel, paused: bool, until: datetime | None = None) -> None:
        """Put the flowable's own taskrun PAUSED (until `until` or a resume), or RUNNING."""
    def discard_children(self, taskrun: TaskRunModel) -> None:
        """Delete the taskruns under `taskrun` (a new loop iteration replaces them)."""
    def continue_loop(self, taskrun: TaskRunModel) -> None:
        """A paused loop's next iteration: the taskrun RUNNING again with its history
        cut back to its creation, and its children discarded."""
    def inline(self, taskrun: TaskRunModel, specs: list[dict[str, Any]]) -> None: ...
    def template(self, namespace: str, template_id: str) -> tuple[list[Any], list[Any]] | None: ...
    def log(self, taskrun: TaskRunModel, level: str, message: str) -> None: ...
