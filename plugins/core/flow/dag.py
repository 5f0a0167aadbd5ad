"""Dag: run tasks as soon as the tasks they depend on succeeded. As every flowable in
Kestra 1.x, a failed task ends the Dag FAILED once its `errors`/`finally` handlers
ended, without waiting for the tasks still running."""
from collections.abc import Iterator
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.flowable import Child, ChildLayout, FlowableRuntime, Step
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.states import FAILING, SUCCESSFUL, TERMINAL, State, worst
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel


def missing_dependencies(graph: dict[str, list[str]]) -> list[str]:
    """Ids named in a `dependsOn` that no task of the Dag has, in order (Kestra's
    Dag.dagCheckNotExistTask)."""
    return [dep for deps in graph.values() for dep in deps if dep not in graph]


def cyclic_tasks(graph: dict[str, list[str]]) -> list[str]:
    """The tasks, in the Dag's order, that depend (through others) on themselves, as
    Kestra's Dag.dagCheckCyclicDependencies lists them."""
    def reachable(task_id: str) -> set[str]:
        seen: set[str] = set()
        todo = list(graph.get(task_id, []))
        while todo:
            dep = todo.pop()
            if dep not in seen:
                seen.add(dep)
                todo.extend(graph.get(dep, []))
        return seen

    return [task_id for task_id in graph if task_id in reachable(task_id)]


def dependency_graph(items: list[dict[str, Any]]) -> dict[str, list[str]]:
    return {item["task"].get("id"): list(item.get("dependsOn") or []) for item in items}


@register
class Dag(FlowableTask):
    type = "io.kestra.plugin.core.flow.Dag"
    aliases = ("io.kestra.core.tasks.flows.Dag",)
    children_layout = ChildLayout.DEPENDENCIES
    title = "Run tasks as a directed acyclic graph of dependencies."
    examples = (Example("Two tasks that run after the first, then one after both", """\
id: dag
type: io.kestra.plugin.core.flow.Dag
tasks:
  - task:
      id: extract
      type: io.kestra.plugin.core.log.Log
      message: extract
  - task:
      id: clean
      type: io.kestra.plugin.core.log.Log
      message: clean
    dependsOn: [extract]
  - task:
      id: enrich
      type: io.kestra.plugin.core.log.Log
      message: enrich
    dependsOn: [extract]
  - task:
      id: load
      type: io.kestra.plugin.core.log.Log
      message: load
    dependsOn: [clean, enrich]
"""),)
    properties = (
        Property("tasks", "array", required=True, dynamic=False,
                 description="Items `{task: <task>, dependsOn: [task ids]}`.",
                 fields=(Property("task", "task", required=True, dynamic=False),
                         Property("dependsOn", "array", dynamic=False))),
        Property("concurrent", "integer", default=0, dynamic=False,
                 description="How many tasks run at once; 0 means no limit."),
    )

    @classmethod
    def nested_task_lists(cls, spec: dict[str, Any]) -> dict[str, list[Any]]:
        lists = super().nested_task_lists(spec)
        items = spec.get("tasks")
        if isinstance(items, list):
            lists["tasks"] = [i["task"] for i in items if isinstance(i, dict) and isinstance(i.get("task"), dict)]
        return lists

    @classmethod
    def nested_tasks(cls, spec: dict[str, Any]) -> Iterator[tuple[str, Any, list[Any] | dict[str, Any], int | str]]:
        for sub_path, child, container, key in super().nested_tasks(spec):
            if not sub_path.startswith("tasks["):
                yield sub_path, child, container, key
        items = spec.get("tasks")
        for n, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("task"), dict):
                yield f"tasks[{n}].task", item["task"], item, "task"

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        items = spec.get("tasks") or []
        errors: list[tuple[str, str]] = []
        graph: dict[str, list[str]] = {}
        for n, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("task"), dict):
                errors.append((f"tasks[{n}]", "each item needs a `task` mapping"))
                continue
            deps = item.get("dependsOn") or []
            if not isinstance(deps, list):
                errors.append((f"tasks[{n}].dependsOn", "must be a list of task ids"))
                continue
            graph[item["task"].get("id")] = deps
        if errors:
            return errors
        # Kestra's DagTaskValidator words; the path points at the first dependsOn concerned.
        missing = missing_dependencies(graph)
        if missing:
            first = next(n for n, item in enumerate(items) if set(item.get("dependsOn") or []) & set(missing))
            return [(f"tasks[{first}].dependsOn", "Not existing task id in dependency: " + ", ".join(missing))]
        cyclic = cyclic_tasks(graph)
        if cyclic:
            return [("tasks", "Cyclic dependency detected: " + ", ".join(cyclic))]
        return []

    def child_dependencies(self) -> dict[str, list[str]]:
        return dependency_graph(self.spec["tasks"])

    def _control(self, items: list[dict[str, Any]]) -> None:
        """What Kestra's Dag.controlTask refuses at run time, for a Dag that reached the
        executor without validation (inlined by a Template)."""
        graph = dependency_graph(items)
        missing = missing_dependencies(graph)
        if missing:
            raise TaskFailed(f"Some task doesn't exists on task '{self.id}': " + ", ".join(missing))
        cyclic = cyclic_tasks(graph)
        if cyclic:
            raise TaskFailed(f"Infinite loop detected on task '{self.id}': " + ", ".join(cyclic))

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        self._control(self.spec["tasks"])
        items = [i for i in self.spec["tasks"] if not i["task"].get("disabled")]
        limit = int(self.get("concurrent") or 0)
        state_of: dict[str, State | None] = {}
        for item in items:
            tr = rt.find(item["task"]["id"], taskrun, taskrun.value)
            state_of[item["task"]["id"]] = State(tr.state) if tr is not None else None
        running = sum(1 for s in state_of.values() if s is not None and s not in TERMINAL)
        finished = [s for s in state_of.values() if s in TERMINAL]
        failed = any(s in FAILING for s in finished)
        if State.FAILED in finished:
            # Kestra 1.x (FlowableUtils.resolveState): a failed task decides at once; the
            # tasks still running take the Dag's state once its handlers ended.
            return self.tasks_with_handlers(rt, taskrun, Step(state=worst(finished)))
        create: list[Child] = []
        if not failed:
            for item in items:
                if state_of[item["task"]["id"]] is None and all(
                        state_of.get(dep) in SUCCESSFUL for dep in item.get("dependsOn") or []):
                    if limit and running + len(create) >= limit:
                        break
                    create.append(Child(item["task"], taskrun.value))
        if create or running:
            return self.tasks_with_handlers(rt, taskrun, Step(create=create))
        if failed or len(finished) == len(items):
            return self.tasks_with_handlers(rt, taskrun, Step(state=worst(finished)))
        return self.tasks_with_handlers(rt, taskrun, Step(state=State.FAILED))
