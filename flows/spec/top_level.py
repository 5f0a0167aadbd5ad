"""The flow's own properties (Kestra's Flow model): known keys only, `id`,
`namespace` and a non-empty `tasks` list required, each section of the right shape."""
from __future__ import annotations

from plugins.api.properties import WORKER_GROUP

from .errors import SpecError
from .ids import flow_id_problem, namespace_problem
from .property_types import field_problems
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
CONCURRENCY_BEHAVIORS = ("QUEUE", "CANCEL", "FAIL")
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
    errors += _concurrency(data.get("concurrency"))
    errors += _worker_group(data.get("workerGroup"))
    errors += _listeners(data.get("listeners"))
    if isinstance(data.get("retry"), dict):
        errors += [SpecError(f"retry.{key}" if key else "retry", message,
                             line_of(data["retry"], key) if key else line_of(data, "retry"))
                   for key, message in retry_problems(data["retry"])]
    return errors


def _worker_group(group) -> list[SpecError]:
    """Kestra's WorkerGroup: `key` and `fallback` only."""
    if not isinstance(group, dict):
        return []
    return [SpecError(f"workerGroup{sub}", message, line_of(mapping, key))
            for sub, mapping, key, message in field_problems(WORKER_GROUP, group)]


def _listeners(listeners) -> list[SpecError]:
    errors = []
    for index, listener in enumerate(listeners if isinstance(listeners, list) else []):
        path = f"listeners[{index}]"
        if not isinstance(listener, dict):
            errors.append(SpecError(path, "a listener must be a map with tasks", line_of(listeners, index)))
            continue
        errors += unknown_keys(listener, LISTENER_KEYS, path)
    return errors


def _concurrency(concurrency) -> list[SpecError]:
    """`concurrency: {limit: 1, behavior: QUEUE|CANCEL|FAIL}`."""
    if not isinstance(concurrency, dict):
        return []
    errors = []
    for key in concurrency:
        if key not in ("limit", "behavior"):
            errors.append(SpecError(f"concurrency.{key}", f"unknown property '{key}'", line_of(concurrency, key)))
    limit = concurrency.get("limit")
    if limit is None:
        errors.append(SpecError("concurrency.limit", "required property missing", line_of(concurrency)))
    elif isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        errors.append(SpecError("concurrency.limit", "must be a positive integer", line_of(concurrency, "limit")))
    behavior = concurrency.get("behavior")
    if behavior is not None and behavior not in CONCURRENCY_BEHAVIORS:
        errors.append(SpecError("concurrency.behavior", f"must be one of {', '.join(CONCURRENCY_BEHAVIORS)}",
                                line_of(concurrency, "behavior")))
    return errors
