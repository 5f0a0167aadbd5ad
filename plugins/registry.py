"""The registry of task types, by Kestra type name (current and legacy)."""
from __future__ import annotations

import importlib
import pkgutil

from .task import TaskType

_types: dict[str, type[TaskType]] = {}
_canonical: dict[str, type[TaskType]] = {}
_loaded = False

# Families whose modules register types when imported.
FAMILIES = ("plugins.core",)


def register(cls: type[TaskType]) -> type[TaskType]:
    """Class decorator: make a task type known under its name and its aliases."""
    for name in cls.names():
        existing = _types.get(name)
        if existing is not None and existing is not cls:
            raise ValueError(f"type {name} registered twice ({existing.__name__}, {cls.__name__})")
        _types[name] = cls
    _canonical[cls.type] = cls
    return cls


def _load():
    global _loaded
    if _loaded:
        return
    _loaded = True
    for family in FAMILIES:
        package = importlib.import_module(family)
        for info in pkgutil.walk_packages(package.__path__, prefix=family + "."):
            importlib.import_module(info.name)


def resolve(name: str) -> type[TaskType] | None:
    """The task type for a name, legacy or current; None when unknown."""
    _load()
    return _types.get(name)


def all_types() -> dict[str, type[TaskType]]:
    """Canonical name -> type, for docs and schema."""
    _load()
    return dict(sorted(_canonical.items()))


def matches_prefix(type_name: str, prefix: str) -> bool:
    """pluginDefaults' `type` may be a type name or a package prefix of one.

    Both the task's own name and the canonical name of its type are tried, so a
    default written with a legacy name applies to a task written with the new one.
    """
    cls = resolve(type_name)
    names = {type_name, *(cls.names() if cls else ())}
    for name in names:
        if name == prefix or name.startswith(prefix.rstrip(".") + "."):
            return True
    target = resolve(prefix)
    return target is not None and cls is target
