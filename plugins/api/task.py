"""Base classes of task types.

A task type declares its Kestra type name (and older aliases), its properties and its
outputs. Runnable tasks implement `run(ctx)`; flowable tasks lay out child tasks and
let the engine decide their next taskruns (see executions.engine.flowables).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .flowable import ChildLayout, Step
from .plugin_type import PluginType
from .properties import COMMON_TASK_PROPERTIES, FLOWABLE_PROPERTIES, Output, Property
from .taskrun import TaskRunModel

if TYPE_CHECKING:
    from .context import RunContext
    from .executable import ExecutableRuntime
    from .flowable import FlowableRuntime


class TaskType(PluginType):
    kind = "task"
    outputs: ClassVar[tuple[Output, ...]] = ()
    # A type's default; an instance may decide otherwise (a Pause with `tasks` is a flowable).
    flowable: bool = False
    executable: bool = False
    # Lightweight tasks run in the executor's own process (no worker hop).
    lightweight: ClassVar[bool] = False
    # Internal types are children a task makes for itself (ForEachItem's `_split`...):
    # never written in a flow, left out of the documentation.
    internal: ClassVar[bool] = False
    # Starts executions of the flow its `namespace` and `flowId` name (Subflow,
    # ForEachItem): naming its own flow would recurse forever, so validation refuses it.
    calls_flows: ClassVar[bool] = False
    # Task-list properties whose children all run in one place on the worker that runs
    # this task (WorkingDirectory's `tasks`, sharing its folder): the list may not be
    # empty, and each child must be a runnable task with no workerGroup of its own, as
    # Kestra's WorkingDirectoryTaskValidator requires. Checked when the flow is saved.
    worker_children: ClassVar[tuple[str, ...]] = ()
    # A flowable whose children cannot run again alone: a restart or replay of any task
    # inside it runs the whole flowable again (WorkingDirectory: its folder is gone once
    # it ended), as Kestra does.
    restarts_whole: ClassVar[bool] = False
    # How a flowable's children follow one another in Kestra's flow graph (see
    # layout_of_children for a layout that depends on a property).
    children_layout: ClassVar[ChildLayout] = ChildLayout.SEQUENCE

    @property
    def id(self) -> str:
        return str(self.spec["id"])

    @classmethod
    def common_properties(cls) -> tuple[Property, ...]:
        return COMMON_TASK_PROPERTIES + (FLOWABLE_PROPERTIES if cls.flowable else ())

    def layout_of_children(self) -> ChildLayout:
        """How this flowable's children follow one another in Kestra's flow graph."""
        return self.children_layout

    def child_dependencies(self) -> dict[str, list[str]]:
        """For ChildLayout.DEPENDENCIES: each child's task id, in order, with the ids of
        the children it runs after."""
        return {}

    @classmethod
    def nested_task_lists(cls, spec: dict[str, Any]) -> dict[str, list[Any]]:
        """Every nested list of task specs by its path below the task (e.g. "tasks",
        "cases.FIRST", "errors"), for validation, id uniqueness and pluginDefaults.
        Types whose children are not plain `tasks` lists (Switch, Dag) override it."""
        lists: dict[str, list[Any]] = {}
        for prop in cls.declared().values():
            if prop.kind == "tasks" and isinstance(spec.get(prop.name), list):
                lists[prop.name] = spec[prop.name]
        return lists

    @classmethod
    def nested_tasks(cls, spec: dict[str, Any]) -> Iterator[tuple[str, Any, list[Any] | dict[str, Any], int | str]]:
        """(path below the task, child spec, container, key) for every direct child, so
        errors name where a child really is (a Dag's `tasks[1].task`, not `tasks[1]`)
        and point at its YAML line."""
        for sub_path, children in cls.nested_task_lists(spec).items():
            for index, child in enumerate(children):
                yield f"{sub_path}[{index}]", child, children, index


class RunnableTask(TaskType):
    """A task that does work. `run` returns the task's outputs (a dict)."""

    def run(self, ctx: RunContext) -> dict[str, Any] | None:
        raise NotImplementedError


class FlowableTask(TaskType):
    """A task that runs other tasks. The engine asks it for its child branches."""

    flowable = True
    lightweight = True

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        """The next children to create and, once decided, this task's state."""
        raise NotImplementedError

    def tasks_with_handlers(self, rt: FlowableRuntime, taskrun: TaskRunModel, step: Step) -> Step:
        """Run this flowable's own `errors` and `finally` branches after `step`."""
        return rt.with_handlers(step, taskrun, self.spec.get("errors"), self.spec.get("finally"))


class ExecutableTask(TaskType):
    """A task the executor carries itself because it waits on something outside any
    worker: a Pause waits for a date or a person, a Subflow for another execution.

    `start` runs once when the taskrun is created; `poll` runs on each executor round
    until it returns the taskrun's final state; `kill` when the execution is killed.
    rt: plugins.api.executable.ExecutableRuntime."""

    executable = True
    lightweight = True

    def start(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        raise NotImplementedError

    def poll(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> Any:
        return None

    def kill(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        return None

    def final_attempt(self, taskrun: TaskRunModel) -> list[dict[str, Any]] | None:
        """The state history ({state, date} entries) of the one attempt Kestra gives
        the taskrun once it ended (a Subflow's follows the taskrun's state), or None
        for a task without attempts (a Pause)."""
        return None
