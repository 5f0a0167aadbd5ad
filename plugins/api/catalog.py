"""The plugin types grouped as Kestra lists its plugins (GET /api/v1/plugins): one
group per family (`io.kestra.plugin.jdbc`), its subgroups by package
(`io.kestra.plugin.jdbc.postgresql`), each with its task, trigger and condition types.
Internal types (children a task makes for itself) are left out, as Kestra leaves out
its internal classes."""
from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from .plugin_type import PluginType
from .registry import all_types

KINDS = {"task": "tasks", "trigger": "triggers", "condition": "conditions"}
EMPTY_LISTS = ("controllers", "storages", "secrets", "taskRunners", "apps", "appBlocks", "charts", "dataFilters",
               "dataFiltersKPI", "logExporters", "additionalPlugins")
CURRENT = "io.kestra.plugin."


def visible_types() -> dict[str, type]:
    """Canonical name -> type, of every kind, without internal types."""
    found = {}
    for kind in KINDS:
        found.update({name: cls for name, cls in all_types(kind).items() if not getattr(cls, "internal", False)})
    return found


def family(cls: type[PluginType]) -> str:
    """The family package a type lives in (`plugins.jdbc.mysql` -> `jdbc`)."""
    return str(cls.__module__.split(".")[1])


def package(name: str) -> str:
    return name.rsplit(".", 1)[0]


def group_name(names: list[str]) -> str:
    """The longest package every current name of a family shares."""
    current = [name for name in names if name.startswith(CURRENT)] or names
    return ".".join(os.path.commonprefix([package(name).split(".") for name in current]))


def _element(name: str, cls: type[PluginType]) -> dict[str, Any]:
    return {"cls": name, "deprecated": bool(cls.deprecated)}


def _plugin(group: str, types: dict[str, Any], subgroup: str | None) -> dict[str, Any]:
    title = (subgroup or group).rsplit(".", 1)[-1]
    plugin: dict[str, Any] = {"name": title, "title": title, "group": group, "subGroup": subgroup, "description": None,
              "longDescription": None, "license": None, "version": None, "manifest": {}, "guides": [],
              "aliases": sorted(alias for cls in types.values() for alias in cls.aliases), "categories": []}
    for kind, key in KINDS.items():
        plugin[key] = [_element(name, cls) for name, cls in types.items() if cls.kind == kind]
    plugin.update({key: [] for key in EMPTY_LISTS})
    return plugin


def groups(with_subgroups: bool = False) -> list[dict[str, Any]]:
    """One entry per family; with `with_subgroups`, one more per subgroup package."""
    by_family: defaultdict[str, dict[str, type[PluginType]]] = defaultdict(dict)
    for name, cls in visible_types().items():
        by_family[family(cls)][name] = cls
    found = []
    for types in by_family.values():
        group = group_name(list(types))
        found.append(_plugin(group, types, None))
        if with_subgroups:
            for sub in sorted({package(name) for name in types} - {group}):
                found.append(_plugin(group, {n: c for n, c in types.items() if package(n) == sub}, sub))
    return sorted(found, key=lambda plugin: (plugin["group"], plugin["subGroup"] or ""))

