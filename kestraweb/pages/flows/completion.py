"""What the editor completes: every task, trigger and condition type with its declared
properties, the same declarations the JSON schema and the docs are built from
(plugins.api.json_schema). A legacy name gets its own entry so a flow written with
old names still completes its properties."""
from __future__ import annotations

from functools import lru_cache

from plugins.api.plugin_type import PluginType
from plugins.api.registry import all_types

KINDS = ("task", "trigger", "condition")


def _properties(cls: type[PluginType]) -> list[dict]:
    return [{"name": prop.name, "kind": prop.kind, "required": prop.required, "description": prop.description}
            for prop in cls.declared().values()]


@lru_cache(maxsize=1)
def completion_types() -> list[dict]:
    """Built once per process: types are registered at import and never change after."""
    found = []
    for kind in KINDS:
        for name, cls in all_types(kind).items():
            if getattr(cls, "internal", False):
                continue
            title = cls.title or name.rsplit(".", 1)[-1]
            properties = _properties(cls)
            found.append({"type": name, "kind": kind, "title": title, "properties": properties})
            found += [{"type": alias, "kind": kind, "title": f"{title} (old name of {name})",
                       "properties": properties} for alias in cls.aliases]
    return found
