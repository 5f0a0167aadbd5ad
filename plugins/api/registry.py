"""The registry of plugin types (tasks, triggers, conditions), by Kestra type name,
current and legacy. Names are unique across kinds, as Kestra's class names are; each
lookup asks for the kind it expects, so a trigger type written as a task is unknown."""
from __future__ import annotations

import importlib
import pkgutil
import threading

from .plugin_type import PluginType
from .task import TaskType

_types: dict[str, type[PluginType]] = {}
_canonical: dict[str, type[PluginType]] = {}
_loaded = False
_loading = threading.RLock()  # a cluster worker process parses flows on several threads; RLock: a
# module being imported may itself look a type up

# Families whose modules register types when imported.
FAMILIES = ("plugins.core", "plugins.jdbc", "plugins.redis", "plugins.amqp", "plugins.mqtt", "plugins.nats",
            "plugins.http")
# A family's own tests live beside its types, in this subpackage; they register nothing.
TESTS = "tests"


def register(cls: type[PluginType]) -> type[PluginType]:
    """Class decorator: make a plugin type known under its name and its aliases."""
    for name in cls.names():
        existing = _types.get(name)
        if existing is not None and existing is not cls:
            raise ValueError(f"type {name} registered twice ({existing.__name__}, {cls.__name__})")
        _types[name] = cls
    _canonical[cls.type] = cls
    return cls


def _load():
    """Import every family's modules once. Marked loaded only once all are: a thread
    that came second waits for the first instead of seeing half the types."""
    global _loaded
    if _loaded:
        return
    with _loading:
        if _loaded:
            return
        for family in FAMILIES:
            _import_below(importlib.import_module(family))
        _loaded = True


def _import_below(package) -> None:
    """Import every module of a package, its subpackages too, but not its tests."""
    for info in pkgutil.iter_modules(package.__path__, prefix=package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1] == TESTS:
            continue
        module = importlib.import_module(info.name)
        if info.ispkg:
            _import_below(module)


def resolve_plugin(name: str) -> type[PluginType] | None:
    """The plugin type of any kind for a name, legacy or current; None when unknown."""
    _load()
    return _types.get(name)


def _of_kind(name: str, kind: str):
    cls = resolve_plugin(name)
    return cls if cls is not None and cls.kind == kind else None


def resolve(name: str) -> type[TaskType] | None:
    """The task type for a name, legacy or current; None when unknown or not a task."""
    return _of_kind(name, "task")


def resolve_trigger(name: str):
    """The trigger type (plugins.api.trigger.TriggerType) for a name; None when unknown."""
    return _of_kind(name, "trigger")


def resolve_condition(name: str):
    """The condition type (plugins.api.condition.ConditionType) for a name; None when unknown."""
    return _of_kind(name, "condition")


def all_types(kind: str = "task") -> dict[str, type[PluginType]]:
    """Canonical name -> type of one kind, for docs and schema."""
    _load()
    return {name: cls for name, cls in sorted(_canonical.items()) if cls.kind == kind}


def matches_prefix(type_name: str, prefix: str) -> bool:
    """pluginDefaults' `type` may be a type name or a package prefix of one.

    Both the plugin's own name and the canonical name of its type are tried, so a
    default written with a legacy name applies to a plugin written with the new one.
    """
    cls = resolve_plugin(type_name)
    names = {type_name, *(cls.names() if cls else ())}
    for name in names:
        if name == prefix or name.startswith(prefix.rstrip(".") + "."):
            return True
    target = resolve_plugin(prefix)
    return target is not None and cls is target
