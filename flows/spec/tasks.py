"""Validating tasks: a known type, a valid id, declared properties only, required ones
present, literal values of the declared kind, a valid retry policy, children that may
run where their parent runs, the type's own checks; and, across the flow, ids unique
and no task starting its own flow."""
from __future__ import annotations

from plugins.api import registry

from .errors import SpecError
from .ids import task_id_problem
from .inputs_declared import normalise_inputs
from .plugin_properties import declared_property_errors
from .property_types import field_problems, has_expression, kind_problem
from .retry import retry_problems
from .walk import walk_tasks
from .worker_children import worker_children_problems
from .yaml_lines import line_of


def _named(task) -> str:
    task_id = task.get("id") if isinstance(task, dict) else None
    return f" (task '{task_id}')" if isinstance(task_id, str) and task_id else ""


def check_task(task, path: str, container, index) -> list[SpecError]:
    """Every problem of one task (its children are checked on their own)."""
    here = line_of(container, index) or line_of(task)
    if not isinstance(task, dict):
        return [SpecError(path, "a task must be a map with an id and a type", here)]
    errors = []
    named = _named(task)
    if task.get("id") is None:
        errors.append(SpecError(f"{path}.id", "required property missing", here))
    else:
        problem = task_id_problem(task["id"])
        if problem:
            errors.append(SpecError(f"{path}.id", f"invalid task id: {problem}", line_of(task, "id")))
    task_type = task.get("type")
    if not isinstance(task_type, str) or not task_type:
        message = "required property missing" if task_type is None else "must be a type name"
        errors.append(SpecError(f"{path}.type", f"{message}{named}", line_of(task, "type")))
        return errors
    cls = registry.resolve(task_type)
    if cls is None:
        errors.append(SpecError(f"{path}.type", f"unknown type {task_type}{named}{registry.why_unknown(task_type)}",
                                line_of(task, "type")))
        return errors

    def task_own_way(key, prop, value):
        if key == "retry" and value is not None:
            return [SpecError(f"{path}.retry.{sub}" if sub else f"{path}.retry", f"{message}{named}",
                              line_of(value, sub) if sub else line_of(task, "retry"))
                    for sub, message in retry_problems(value)]
        if prop.items != "input" or not isinstance(value, list) or kind_problem(prop, value):
            return None
        # Inputs a task declares (Pause's `onResume`) are checked as the flow's own are.
        return [SpecError(f"{path}.{key}{sub}", f"{message}{named}", line_of(inner, field))
                for sub, inner, field, message in field_problems(prop, value)] + \
            _declared_inputs(value, f"{path}.{key}", named)

    errors += declared_property_errors(task, cls, path, here, named, special=task_own_way)
    errors += worker_children_problems(cls, task, path, named)
    if not errors:
        try:
            extra = cls.check(task)
        except Exception as exc:  # a type's check must not take validation down
            extra = [("", f"cannot be checked: {exc}")]
        for sub, message in extra:
            key = sub.split(".", 1)[0].split("[", 1)[0] if sub else None
            errors.append(SpecError(f"{path}.{sub}" if sub else path, f"{message}{named}",
                                    line_of(task, key) if key else here))
    return errors


def _declared_inputs(inputs: list, path: str, named: str) -> list[SpecError]:
    """Inputs a task declares (Pause's `onResume`), checked as the flow's own are."""
    _, errors = normalise_inputs(inputs)
    return [SpecError(path + error.path[len("inputs"):], f"{error.message}{named}", error.line) for error in errors]


def check_tasks(data: dict) -> list[SpecError]:
    """Every task of the flow, at any depth; task ids unique in the whole flow."""
    errors, seen = [], {}
    for task, path, container, index in walk_tasks(data):
        errors += check_task(task, path, container, index)
        task_id = task.get("id") if isinstance(task, dict) else None
        if isinstance(task_id, str):
            if task_id in seen:
                errors.append(SpecError(f"{path}.id", f"duplicate task id '{task_id}' (first at {seen[task_id]})",
                                        line_of(task, "id")))
            else:
                seen[task_id] = path
        errors += _recursion(data, task, path)
    return errors


def _recursion(data: dict, task, path: str) -> list[SpecError]:
    """A task that starts an execution of the very flow it is in (Subflow,
    ForEachItem) would recurse forever: Kestra refuses it."""
    if not isinstance(task, dict) or not isinstance(task.get("type"), str):
        return []
    cls = registry.resolve(task["type"])
    if cls is None or not cls.calls_flows:
        return []
    namespace, flow_id = task.get("namespace"), task.get("flowId")
    if not isinstance(namespace, str) or not isinstance(flow_id, str) or has_expression([namespace, flow_id]):
        return []
    if namespace == data.get("namespace") and flow_id == data.get("id"):
        return [SpecError(f"{path}.flowId", f"recursive call to flow [{namespace}.{flow_id}]{_named(task)}",
                          line_of(task, "flowId"))]
    return []
