"""Dag: run tasks as soon as the tasks they depend on succeeded."""
from plugins.flowable import Child, Step
from plugins.properties import Property
from plugins.registry import register
from plugins.states import FAILING, SUCCESSFUL, TERMINAL, State, worst
from plugins.task import FlowableTask


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A dependency cycle as a path of ids, or None."""
    visiting, done = [], set()

    def visit(node):
        if node in done:
            return None
        if node in visiting:
            return visiting[visiting.index(node):] + [node]
        visiting.append(node)
        for dep in graph.get(node, []):
            cycle = visit(dep)
            if cycle:
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for node in graph:
        cycle = visit(node)
        if cycle:
            return cycle
    return None


@register
class Dag(FlowableTask):
    type = "io.kestra.plugin.core.flow.Dag"
    aliases = ("io.kestra.core.tasks.flows.Dag",)
    title = "Run tasks as a directed acyclic graph of dependencies."
    properties = (
        Property("tasks", "array", required=True, dynamic=False,
                 description="Items `{task: <task>, dependsOn: [task ids]}`.",
                 fields=(Property("task", "task", dynamic=False), Property("dependsOn", "array", dynamic=False))),
        Property("concurrent", "integer", default=0, dynamic=False,
                 description="How many tasks run at once; 0 means no limit."),
    )

    @classmethod
    def nested_task_lists(cls, spec):
        lists = super().nested_task_lists(spec)
        items = spec.get("tasks")
        if isinstance(items, list):
            lists["tasks"] = [i["task"] for i in items if isinstance(i, dict) and isinstance(i.get("task"), dict)]
        return lists

    @classmethod
    def nested_tasks(cls, spec):
        for sub_path, child, container, key in super().nested_tasks(spec):
            if not sub_path.startswith("tasks["):
                yield sub_path, child, container, key
        items = spec.get("tasks")
        for n, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("task"), dict):
                yield f"tasks[{n}].task", item["task"], item, "task"

    @classmethod
    def check(cls, spec):
        items = spec.get("tasks") or []
        errors, graph = [], {}
        for n, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("task"), dict):
                errors.append((f"tasks[{n}]", "each item needs a `task` mapping"))
                continue
            deps = item.get("dependsOn") or []
            if not isinstance(deps, list):
                errors.append((f"tasks[{n}].dependsOn", "must be a list of task ids"))
                continue
            graph[item["task"].get("id")] = deps
        for n, item in enumerate(items):
            for dep in (item.get("dependsOn") or []) if isinstance(item, dict) else []:
                if dep not in graph:
                    errors.append((f"tasks[{n}].dependsOn", f"unknown task id '{dep}'"))
        cycle = _find_cycle(graph) if not errors else None
        if cycle:
            errors.append(("tasks", "dependency cycle: " + " -> ".join(cycle)))
        return errors

    def resolve(self, rt, taskrun):
        items = [i for i in self.spec["tasks"] if not i["task"].get("disabled")]
        limit = int(self.get("concurrent") or 0)
        state_of = {}
        for item in items:
            tr = rt.find(item["task"]["id"], taskrun, taskrun.value)
            state_of[item["task"]["id"]] = State(tr.state) if tr is not None else None
        running = sum(1 for s in state_of.values() if s is not None and s not in TERMINAL)
        finished = [s for s in state_of.values() if s in TERMINAL]
        failed = any(s in FAILING for s in finished)
        create = []
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
