"""parse_flow: YAML text to a FlowSpec, with pluginDefaults applied and every problem
reported at once, each with its path and line."""
from __future__ import annotations

from .defaults import apply_defaults, plugin_defaults
from .errors import FlowInvalid, SpecError
from .flow_spec import FlowSpec
from .ids import NAMESPACE, id_problem
from .inputs_declared import normalise_inputs
from .tasks import check_tasks
from .yaml_lines import line_of, load, plain

TOP_LEVEL = {"id", "namespace", "revision", "description", "inputs", "variables", "tasks", "errors", "finally",
             "afterExecution", "listeners", "triggers", "outputs", "labels", "taskDefaults", "pluginDefaults",
             "concurrency", "disabled", "deleted", "retry", "sla", "workerGroup", "checks", "tenantId"}


def _labels(data, errors) -> list[dict]:
    labels = data.get("labels")
    if labels is None:
        return []
    if isinstance(labels, dict):
        return [{"key": str(k), "value": "" if v is None else str(v)} for k, v in labels.items()]
    if isinstance(labels, list) and all(isinstance(i, dict) and "key" in i for i in labels):
        return [{"key": str(i["key"]), "value": "" if i.get("value") is None else str(i["value"])} for i in labels]
    errors.append(SpecError("labels", "must be a map or a list of {key, value}", line_of(data, "labels")))
    return []


def _listed(data, key, errors, what: str) -> list:
    """A list of mappings each with a valid, unique `id` (outputs, triggers)."""
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        errors.append(SpecError(key, "must be a list", line_of(data, key)))
        return []
    seen = set()
    for index, item in enumerate(items):
        path, line = f"{key}[{index}]", line_of(items, index)
        if not isinstance(item, dict):
            errors.append(SpecError(path, f"a {what} must be a mapping", line))
            continue
        problem = id_problem(item.get("id")) if "id" in item else "required property missing"
        if problem:
            errors.append(SpecError(f"{path}.id", problem, line))
        elif item["id"] in seen:
            errors.append(SpecError(f"{path}.id", f"duplicate {what} id '{item['id']}'", line))
        seen.add(item.get("id"))
        if what == "trigger" and not isinstance(item.get("type"), str):
            errors.append(SpecError(f"{path}.type", "required property missing", line))
        if what == "output" and "value" not in item:
            errors.append(SpecError(f"{path}.value", "required property missing", line))
    return items


def _top_level(data, errors):
    for key in data:
        if key not in TOP_LEVEL:
            errors.append(SpecError(str(key), f"unknown property '{key}'", line_of(data, key)))
    for key in ("id", "namespace"):
        if key not in data:
            errors.append(SpecError(key, "required property missing", getattr(data, "line", 1)))
    if "id" in data:
        problem = id_problem(data["id"])
        if problem:
            errors.append(SpecError("id", problem, line_of(data, "id")))
    namespace = data.get("namespace")
    if "namespace" in data and (not isinstance(namespace, str) or not NAMESPACE.match(namespace)):
        errors.append(SpecError("namespace", f"invalid namespace {namespace!r}", line_of(data, "namespace")))
    tasks = data.get("tasks")
    if not isinstance(tasks, list) or not tasks:
        errors.append(SpecError("tasks", "required: a non-empty list of tasks", line_of(data, "tasks")
                                if "tasks" in data else getattr(data, "line", 1)))
    for key in ("errors", "finally", "afterExecution"):
        if key in data and not isinstance(data[key], list):
            errors.append(SpecError(key, "must be a list of tasks", line_of(data, key)))
    if "variables" in data and not isinstance(data["variables"], dict):
        errors.append(SpecError("variables", "must be a map", line_of(data, "variables")))


def parse_flow(source: str) -> FlowSpec:
    data = load(source)
    if not isinstance(data, dict):
        raise FlowInvalid([SpecError("", "a flow must be a YAML mapping with id, namespace and tasks", 1)])
    errors: list[SpecError] = []
    _top_level(data, errors)
    apply_defaults(data)
    if isinstance(data.get("tasks"), list):
        errors += check_tasks(data)
    inputs, input_errors = normalise_inputs(data.get("inputs"))
    errors += input_errors
    labels = _labels(data, errors)
    outputs = _listed(data, "outputs", errors, "output")
    triggers = _listed(data, "triggers", errors, "trigger")
    if errors:
        raise FlowInvalid(errors)
    data = plain(data)
    return FlowSpec(
        id=data["id"], namespace=data["namespace"], tasks=data["tasks"], revision=data.get("revision"),
        description=data.get("description"), inputs=plain(inputs), variables=data.get("variables") or {},
        errors=data.get("errors") or [], finally_=data.get("finally") or [],
        after_execution=data.get("afterExecution") or [], triggers=plain(triggers), outputs=plain(outputs),
        labels=labels, concurrency=data.get("concurrency"), disabled=bool(data.get("disabled")),
        plugin_defaults=plain(plugin_defaults(data)), data=data, source=source,
    )


def validate_source(source: str) -> list[SpecError]:
    """Every problem of a flow's text, without raising (for editors)."""
    try:
        parse_flow(source)
    except FlowInvalid as exc:
        return exc.errors
    return []
