"""Validating tasks: known type, id, required and declared properties, their kinds,
the type's own checks, and ids unique in the whole flow."""
from __future__ import annotations

from plugins import registry

from .errors import SpecError
from .ids import id_problem
from .property_types import kind_problem
from .retry import retry_problems
from .walk import walk_tasks
from .yaml_lines import line_of


def _line(task, key=None):
    if key is not None:
        line = line_of(task, key)
        if line:
            return line
    return getattr(task, "line", None) or None


def check_task(task, path: str, container, index) -> list[SpecError]:
    here = line_of(container, index) or _line(task)
    if not isinstance(task, dict):
        return [SpecError(path, "a task must be a mapping with `id` and `type`", here)]
    errors = []
    problem = id_problem(task.get("id")) if "id" in task else "required property missing"
    if problem:
        errors.append(SpecError(f"{path}.id", problem, _line(task, "id")))
    name = task.get("id", "?")
    task_type = task.get("type")
    if not isinstance(task_type, str) or not task_type:
        errors.append(SpecError(f"{path}.type", f"task '{name}': required property missing", _line(task, "type")))
        return errors
    cls = registry.resolve(task_type)
    if cls is None:
        errors.append(SpecError(f"{path}.type", f"task '{name}': unknown type {task_type}", _line(task, "type")))
        return errors
    declared = cls.declared()
    aliases = {alias: prop for prop in declared.values() for alias in prop.aliases}
    for key, value in task.items():
        prop = declared.get(key) or aliases.get(key)
        if prop is None:
            errors.append(SpecError(f"{path}.{key}", f"task '{name}': unknown property for type {task_type}",
                                    _line(task, key)))
            continue
        problem = kind_problem(prop, value)
        if problem:
            errors.append(SpecError(f"{path}.{key}", f"task '{name}': {problem}", _line(task, key)))
    for prop in declared.values():
        given = prop.name in task or any(a in task for a in prop.aliases)
        if prop.required and not given:
            errors.append(SpecError(f"{path}.{prop.name}", f"task '{name}': required property missing", here))
    if "retry" in task:
        errors += [SpecError(f"{path}.retry{sub}", f"task '{name}': {msg}", _line(task, "retry"))
                   for sub, msg in retry_problems(task["retry"])]
    if not errors:
        errors += [SpecError(f"{path}.{sub}" if sub else path, f"task '{name}': {msg}", here)
                   for sub, msg in cls.check(task)]
    return errors


def check_tasks(data: dict) -> list[SpecError]:
    errors, seen = [], {}
    for task, path, container, index in walk_tasks(data):
        errors += check_task(task, path, container, index)
        task_id = task.get("id") if isinstance(task, dict) else None
        if isinstance(task_id, str):
            if task_id in seen:
                errors.append(SpecError(f"{path}.id", f"duplicate task id '{task_id}' (first at {seen[task_id]})",
                                        _line(task, "id")))
            else:
                seen[task_id] = path
    return errors
