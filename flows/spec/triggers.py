"""A flow's triggers: each a map with an id (unique among triggers) and a registered
trigger type, whose declared properties it is validated against as a task is; its
conditions (at any depth: Not, Or, MultipleCondition) by their condition types."""
from __future__ import annotations

from plugins.api import registry

from .errors import SpecError
from .ids import MAX_TASK_ID, TRIGGER_ID, listed_id_errors
from .plugin_properties import plugin_errors
from .yaml_lines import line_of

CONDITION_LISTS = ("conditions", "scheduleConditions")


def check_triggers(data: dict) -> tuple[list, list[SpecError]]:
    triggers = data.get("triggers")
    if triggers is None:
        return [], []
    if not isinstance(triggers, list):
        return [], [SpecError("triggers", "must be a list of triggers", line_of(data, "triggers"))]
    errors, seen = [], {}
    for index, trigger in enumerate(triggers):
        path, line = f"triggers[{index}]", line_of(triggers, index)
        if not isinstance(trigger, dict):
            errors.append(SpecError(path, "a trigger must be a map with an id and a type", line))
            continue
        errors += listed_id_errors(trigger, path, line, TRIGGER_ID, "trigger", seen, MAX_TASK_ID)
        errors += check_trigger(trigger, path, line)
    return triggers, errors


def _named(trigger: dict) -> str:
    trigger_id = trigger.get("id")
    return f" (trigger '{trigger_id}')" if isinstance(trigger_id, str) else ""


def check_trigger(trigger: dict, path: str, line) -> list[SpecError]:
    named = _named(trigger)
    trigger_type = trigger.get("type")
    if not isinstance(trigger_type, str) or not trigger_type:
        message = "required property missing" if trigger_type is None else "must be a type name"
        return [SpecError(f"{path}.type", f"{message}{named}", line_of(trigger, "type") or line)]
    cls = registry.resolve_trigger(trigger_type)
    if cls is None:
        return [SpecError(f"{path}.type", f"unknown trigger type {trigger_type}{named}"
                                          f"{registry.why_unknown(trigger_type)}", line_of(trigger, "type"))]
    errors = plugin_errors(trigger, cls, path, line, named)
    for key in CONDITION_LISTS:
        errors += check_conditions(trigger.get(key), f"{path}.{key}", named)
    return errors


def check_conditions(conditions, path: str, named: str) -> list[SpecError]:
    """Each condition of a list (or of a map, MultipleCondition's) by its registered
    condition type, and the conditions nested in it."""
    if isinstance(conditions, dict):
        items = [(f"{path}.{key}", conditions, key) for key in conditions]
    elif isinstance(conditions, list):
        items = [(f"{path}[{index}]", conditions, index) for index in range(len(conditions))]
    else:
        return []  # not a list: the property's kind check said so
    errors = []
    for item_path, container, key in items:
        errors += check_condition(container[key], item_path, line_of(container, key), named)
    return errors


def check_condition(condition, path: str, line, named: str) -> list[SpecError]:
    if not isinstance(condition, dict):
        return [SpecError(path, f"a condition must be a map with a type{named}", line)]
    condition_type = condition.get("type")
    if not isinstance(condition_type, str) or not condition_type:
        return [SpecError(f"{path}.type", f"required property missing{named}", line_of(condition, "type") or line)]
    cls = registry.resolve_condition(condition_type)
    if cls is None:
        return [SpecError(f"{path}.type", f"unknown condition type {condition_type}{named}"
                                          f"{registry.why_unknown(condition_type)}",
                          line_of(condition, "type"))]
    errors = plugin_errors(condition, cls, path, line, named)
    for key in cls.nested_conditions:
        errors += check_conditions(condition.get(key), f"{path}.{key}", named)
    return errors
