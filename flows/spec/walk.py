"""Walking every task of a flow, at any depth, with its path (`tasks[0].then[1]`).

The flow's own branches are `tasks`, `errors`, `finally`, `afterExecution` and the
tasks of the deprecated `listeners`; below a task, its type says where its children
are (`nested_tasks`: `then[0]`, `cases.FIRST[0]`, a Dag's `tasks[0].task`...)."""
from __future__ import annotations

from plugins.api import registry

BRANCHES = ("tasks", "errors", "finally", "afterExecution")


def walk_list(tasks, path: str):
    """(task, path, container, key) for each task of a list and, depth first, its
    children."""
    if not isinstance(tasks, list):
        return
    for index, task in enumerate(tasks):
        yield from walk_task(task, f"{path}[{index}]", tasks, index)


def walk_task(task, path: str, container, key):
    """The task, then its children. They are looked up after the task was yielded, so
    a caller may still change it (e.g. complete it) before its children are visited."""
    yield task, path, container, key
    if not isinstance(task, dict) or not isinstance(task.get("type"), str):
        return
    cls = registry.resolve(task["type"])
    if cls is None:
        return
    try:
        nested = list(cls.nested_tasks(task))
    except Exception:  # a malformed spec; the type's own checks report it
        return
    for sub_path, child, child_container, child_key in nested:
        yield from walk_task(child, f"{path}.{sub_path}", child_container, child_key)


def walk_tasks(data: dict):
    """Every task of a flow's data, at any depth."""
    for branch in BRANCHES:
        yield from walk_list(data.get(branch), branch)
    listeners = data.get("listeners")
    for index, listener in enumerate(listeners if isinstance(listeners, list) else []):
        if isinstance(listener, dict):
            yield from walk_list(listener.get("tasks"), f"listeners[{index}].tasks")
