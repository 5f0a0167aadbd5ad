"""Walking every task of a flow, at any depth, with its path (`tasks[0].then[1]`)."""
from __future__ import annotations

from plugins import registry

BRANCHES = ("tasks", "errors", "finally", "afterExecution")


def walk_list(tasks, path: str):
    """(task, path, container, index) for each task of a list and, depth first, its children."""
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
        for sub_path, nested in cls.nested_task_lists(task).items():
            yield from walk_list(nested, f"{task_path}.{sub_path}")


def walk_tasks(data: dict):
    for branch in BRANCHES:
        yield from walk_list(data.get(branch), branch)
