"""Walking every task of a flow, at any depth, with its path (`tasks[0].then[1]`).

The flow's own branches are `tasks`, `errors`, `finally`, `afterExecution` and the
tasks of the deprecated `listeners`; below a task, its type says where its children
are (`nested_task_lists`: `then`, `cases.FIRST`, a Dag's tasks...)."""
from __future__ import annotations

from plugins import registry

BRANCHES = ("tasks", "errors", "finally", "afterExecution")


def walk_list(tasks, path: str):
    """(task, path, container, index) for each task of a list and, depth first, its
    children. A task's children are looked up after the task was yielded, so a caller
    may still change it (e.g. complete it) before its children are visited."""
    if not isinstance(tasks, list):
        return
    for index, task in enumerate(tasks):
        task_path = f"{path}[{index}]"
        yield task, task_path, tasks, index
        if not isinstance(task, dict) or not isinstance(task.get("type"), str):
            continue
        cls = registry.resolve(task["type"])
        if cls is None:
            continue
        try:
            nested = cls.nested_task_lists(task)
        except Exception:  # a malformed spec; the type's own checks report it
            continue
        for sub_path, children in nested.items():
            yield from walk_list(children, f"{task_path}.{sub_path}")


def walk_tasks(data: dict):
    """Every task of a flow's data, at any depth."""
    for branch in BRANCHES:
        yield from walk_list(data.get(branch), branch)
    listeners = data.get("listeners")
    for index, listener in enumerate(listeners if isinstance(listeners, list) else []):
        if isinstance(listener, dict):
            yield from walk_list(listener.get("tasks"), f"listeners[{index}].tasks")
