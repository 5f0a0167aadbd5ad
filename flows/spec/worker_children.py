"""Children that must run where their parent runs (a type's `worker_children`): as
Kestra's WorkingDirectoryTaskValidator, the list is not empty, holds runnable tasks only
(no flowable, no task the executor carries, such as a Pause or a Subflow) and none of
them names a workerGroup: they all run in the one folder their parent made."""
from __future__ import annotations

from plugins.api import registry
from plugins.api.task import RunnableTask

from .errors import SpecError
from .yaml_lines import line_of


def worker_children_problems(cls, task: dict, path: str, named: str) -> list[SpecError]:
    """An error for each rule a child of `task` (of type `cls`) breaks, with its line."""
    errors = []
    parent = cls.type.rsplit(".", 1)[-1]
    for name in cls.worker_children:
        children = task.get(name)
        if not isinstance(children, list):
            continue  # missing or not a list: the declared property reports it
        if not children:
            errors.append(SpecError(f"{path}.{name}", f"The '{name}' property cannot be empty{named}",
                                    line_of(task, name)))
        for index, child in enumerate(children):
            if not isinstance(child, dict):
                continue
            child_cls = registry.resolve(child.get("type")) if isinstance(child.get("type"), str) else None
            here = f"{path}.{name}[{index}]"
            if child_cls is not None and not issubclass(child_cls, RunnableTask):
                errors.append(SpecError(f"{here}.type", f"Only runnable tasks are allowed as children of a "
                                                        f"{parent} task{named}", line_of(child, "type")))
            if child.get("workerGroup") is not None:
                errors.append(SpecError(f"{here}.workerGroup", f"Cannot set a Worker Group in any {parent} "
                                        f"sub-tasks, it is only supported at the {parent} level{named}",
                                        line_of(child, "workerGroup")))
    return errors
