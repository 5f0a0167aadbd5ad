"""The flow's own properties (Kestra's Flow model): known keys only, `id`,
`namespace` and a non-empty `tasks` list required, each section of the right shape."""
from __future__ import annotations

from .errors import SpecError
from .flow_properties import CONCURRENCY, CONCURRENCY_BEHAVIORS, WORKER_GROUP
from .ids import flow_id_problem, namespace_problem
from .property_types import problems
from .retry import retry_problems
from .strict import unknown_keys
from .yaml_lines import line_of

TOP_LEVEL = ("id", "namespace", "revision", "description", "inputs", "variables", "tasks", "errors", "finally",
             "afterExecution", "listeners", "triggers", "outputs", "labels", "taskDefaults", "pluginDefaults",
             "concurrency", "disabled", "deleted", "retry", "sla", "workerGroup", "checks", "tenantId")
LISTS = ("inputs", "tasks", "errors", "finally", "afterExecution", "listeners", "triggers", "outputs",
         "taskDefaults", "pluginDefaults", "sla", "checks")
MAPS = ("variables", "concurrency", "retry", "workerGroup")
BOOLEANS = ("disabled", "deleted")
__all__ = ["CONCURRENCY_BEHAVIORS", "check_top_level"]
LISTENER_KEYS = ("description", "conditions", "tasks")  # Kestra's (deprecated) Listener


def check_top_level(data: dict) -> list[SpecError]:
    errors = []
    start = line_of(data) or 1

    def err(key, message, line=None):
        errors.append(SpecError(key, message, line or line_of(data, key) or start))

    for key in data:
        if key not in TOP_LEVEL:
            err(key, f"unknown property '{key}'")
    for key in ("id", "namespace"):
        if data.get(key) is None:
            err(key, "required property missing", start)
    if data.get("id") is not None:
        problem = flow_id_problem(data["id"])
        if problem:
            err("id", f"invalid flow id: {problem}")
    if data.get("namespace") is not None:
        problem = namespace_problem(data["namespace"])
        if problem:
            err("namespace", f"invalid namespace: {problem}")
    tasks = data.get("tasks")
    if tasks is None or (isinstance(tasks, list) and not tasks):
        err("tasks", "required: a non-empty list of tasks", line_of(data, "tasks") if "tasks" in data else start)
    for key in LISTS:
        if data.get(key) is not None and not isinstance(data[key], list):
            err(key, "must be a list")
    for key in MAPS:
        if data.get(key) is not None and not isinstance(data[key], dict):
            err(key, "must be a map")
    for key in BOOLEANS:
        if data.get(key) is not None and not isinstance(data[key], bool):
            err(key, "must be true or false")
    if data.get("description") is not None and not isinstance(data["description"], str):
        err("description", "must be text")
    revision = data.get("revision")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 1):
        err("revision", "must be an integer of at least 1")
    for prop in (CONCURRENCY, WORKER_GROUP):
        errors += _declared(data, prop)
    errors += _listeners(data.get("listeners"))
    if isinstance(data.get("retry"), dict):
        errors += [SpecError(f"retry.{key}" if key else "retry", message,
                             line_of(data["retry"], key) if key else line_of(data, "retry"))
                   for key, message in retry_problems(data["retry"])]
    return errors


def _declared(data: dict, prop) -> list[SpecError]:
    """A map the flow declares with known fields (concurrency, workerGroup), each
    problem at its path and line; not a map at all: said above."""
    value = data.get(prop.name)
    if not isinstance(value, dict):
        return []
    return [SpecError(f"{prop.name}{problem.sub}", problem.message,
                      line_of(problem.container, problem.key) if problem.sub else line_of(data, prop.name))
            for problem in problems(prop, value)]


def _listeners(listeners) -> list[SpecError]:
    errors = []
    for index, listener in enumerate(listeners if isinstance(listeners, list) else []):
        path = f"listeners[{index}]"
        if not isinstance(listener, dict):
            errors.append(SpecError(path, "a listener must be a map with tasks", line_of(listeners, index)))
            continue
        errors += unknown_keys(listener, LISTENER_KEYS, path)
    return errors
