"""What flowable tasks return to the engine, and the runtime they reason with.

A flowable's `resolve(rt, taskrun)` looks at its children's taskruns (through `rt`) and
returns a Step: the children to create now, and its own final state once decided.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

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

    spec: dict
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

    def sequential(self, tasks: list[dict], parent, value: str | None = None, iteration: bool = False,
                   number: int | None = None) -> Step: ...
    def parallel(self, tasks: list[dict], parent, limit: int = 0, value: str | None = None,
                 iteration: bool = False, number: int | None = None) -> Step: ...
    def with_handlers(self, step: Step, parent, errors: list[dict] | None = None,
                      finally_: list[dict] | None = None) -> Step: ...
    def render(self, value: Any, taskrun) -> Any: ...
    def children(self, taskrun) -> list: ...
    def find(self, task_id: str, parent, value: str | None = None): ...
    def memo(self, taskrun) -> dict: ...
    def save_memo(self, taskrun) -> None: ...
    def scratch(self, taskrun) -> dict:
        """A dict kept for `taskrun` from one round to the next while the engine's view
        of the execution lives (it may be emptied at any time): what a flowable derived
        from its children, so the next round need not derive it again."""
    def set_outputs(self, taskrun, outputs: dict) -> None: ...
    def put_file(self, taskrun, path, name: str) -> str: ...
    def namespace_files(self, namespace: str | None = None):
        """storage.namespace_files.NamespaceFiles of `namespace` (default: the flow's)."""
    def task_cache(self, taskrun):
        """storage.cache_files.TaskCache of the taskrun's task in this flow."""
    def now(self): ...
    def set_wait(self, taskrun, until) -> None: ...
    def set_paused(self, taskrun, paused: bool, until=None) -> None:
        """Put the flowable's own taskrun PAUSED (until `until` or a resume), or RUNNING."""
    def discard_children(self, taskrun) -> None:
        """Delete the taskruns under `taskrun` (a new loop iteration replaces them)."""
    def continue_loop(self, taskrun) -> None:
        """A paused loop's next iteration: the taskrun RUNNING again with its history
        cut back to its creation, and its children discarded."""
    def inline(self, taskrun, specs: list[dict]) -> None: ...
    def template(self, namespace: str, template_id: str) -> tuple[list, list] | None: ...
    def log(self, taskrun, level: str, message: str) -> None: ...
