"""Which tasks and triggers of a flow use a deprecated plugin type (Kestra's
FlowService#findDeprecatedTasks): a type marked deprecated, or an old alias of a type
(`io.kestra.core.tasks.log.Log`), whose replacement is then the type's current name."""
from __future__ import annotations

from flows.spec import FlowInvalid
from flows.spec.walk import walk_tasks
from flows.spec.yaml_lines import load, plain
from plugins.api.registry import resolve_plugin


def _deprecation(item) -> dict | None:
    if not isinstance(item, dict) or not isinstance(item.get("type"), str):
        return None
    cls = resolve_plugin(item["type"])
    if cls is None:
        return None
    alias = item["type"] != cls.type
    if not (alias or cls.deprecated):
        return None
    return {"taskId": str(item.get("id")), "taskType": item["type"], "replacement": cls.type if alias else None}


def deprecated_items(source: str) -> list[dict]:
    """[{taskId, taskType, replacement}] of the flow's source; none for an unreadable one."""
    try:
        data = plain(load(source))
    except FlowInvalid:
        return []
    items = [task for task, _path, _container, _index in walk_tasks(data)]
    items += [trigger for trigger in data.get("triggers") or []]
    return [found for found in map(_deprecation, items) if found]
