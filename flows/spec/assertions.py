"""A flow's assertions: `sla` items (Kestra's MAX_DURATION and EXECUTION_ASSERTION SLAs)
and `checks` (conditions evaluated before an execution is created). Each is a map of
known keys, as Kestra's reader requires; their values are checked where they are fixed
words."""
from __future__ import annotations

from .errors import SpecError
from .property_types import value_problem
from .strict import unknown_keys
from .yaml_lines import line_of

SLA_KEYS = ("id", "type", "behavior", "labels", "duration", "assert")
SLA_TYPES = {"MAX_DURATION": "duration", "EXECUTION_ASSERTION": "assert"}  # type -> the key it needs
SLA_BEHAVIORS = ("FAIL", "CANCEL", "NONE")
CHECK_KEYS = ("condition", "message", "style", "behavior")
CHECK_STYLES = ("ERROR", "SUCCESS", "WARNING", "INFO")
CHECK_BEHAVIORS = ("BLOCK_EXECUTION", "FAIL_EXECUTION", "CREATE_EXECUTION")


def check_assertions(data: dict) -> list[SpecError]:
    return _items(data, "sla", _sla) + _items(data, "checks", _check)


def _items(data: dict, section: str, check) -> list[SpecError]:
    items = data.get(section)
    errors = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        path = f"{section}[{index}]"
        if isinstance(item, dict):
            errors += check(item, path)
        else:
            errors.append(SpecError(path, "must be a map", line_of(items, index)))
    return errors


def _sla(item: dict, path: str) -> list[SpecError]:
    errors = unknown_keys(item, SLA_KEYS, path)
    for key in ("id", "type"):
        if item.get(key) is None:
            errors.append(SpecError(f"{path}.{key}", "required property missing", line_of(item)))
    needed = SLA_TYPES.get(item.get("type"))
    if item.get("type") is not None and needed is None:
        errors.append(SpecError(f"{path}.type", f"must be one of {', '.join(SLA_TYPES)}", line_of(item, "type")))
    elif needed and item.get(needed) is None:
        errors.append(SpecError(f"{path}.{needed}", f"required for a {item['type']} SLA", line_of(item)))
    if item.get("duration") is not None:
        problem = value_problem("duration", item["duration"])
        if problem:
            errors.append(SpecError(f"{path}.duration", problem, line_of(item, "duration")))
    return errors + _one_of(item, path, "behavior", SLA_BEHAVIORS)


def _check(item: dict, path: str) -> list[SpecError]:
    errors = unknown_keys(item, CHECK_KEYS, path)
    for key in ("condition", "message"):
        if item.get(key) is None:
            errors.append(SpecError(f"{path}.{key}", "required property missing", line_of(item)))
    return errors + _one_of(item, path, "style", CHECK_STYLES) + _one_of(item, path, "behavior", CHECK_BEHAVIORS)


def _one_of(item: dict, path: str, key: str, words) -> list[SpecError]:
    if item.get(key) is None or item[key] in words:
        return []
    return [SpecError(f"{path}.{key}", f"must be one of {', '.join(words)}, not {item[key]!r}", line_of(item, key))]
