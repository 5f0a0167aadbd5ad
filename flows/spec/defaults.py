"""pluginDefaults (and the older taskDefaults): values a task gets from its flow's
defaults, applied before validation so required properties may come from there."""
from __future__ import annotations

import copy

from plugins import registry

from .walk import walk_tasks


def merge_into(task: dict, values: dict, forced: bool) -> None:
    """Deep-merge `values` into `task` in place: maps merge key by key; otherwise the
    task's own value wins, unless the default is forced."""
    for key, value in values.items():
        mine = task.get(key)
        if isinstance(mine, dict) and isinstance(value, dict):
            merge_into(mine, value, forced)
        elif forced or key not in task:
            task[key] = copy.deepcopy(value)


def plugin_defaults(data: dict) -> list[dict]:
    items = []
    for key in ("taskDefaults", "pluginDefaults"):
        value = data.get(key)
        if isinstance(value, list):
            items += [d for d in value if isinstance(d, dict)]
    return items


def _triggers(data):
    triggers = data.get("triggers")
    for trigger in triggers if isinstance(triggers, list) else []:
        if isinstance(trigger, dict):
            yield trigger


def apply_defaults(data: dict) -> None:
    """Apply the flow's defaults in place to every task, at any depth, and trigger."""
    defaults = plugin_defaults(data)
    if not defaults:
        return
    targets = [task for task, _path, _container, _key in walk_tasks(data)] + list(_triggers(data))
    for task in targets:
        task_type = task.get("type")
        if not isinstance(task_type, str):
            continue
        for default in defaults:
            prefix, values = default.get("type"), default.get("values")
            if isinstance(prefix, str) and isinstance(values, dict) and registry.matches_prefix(task_type, prefix):
                merge_into(task, values, bool(default.get("forced")))
