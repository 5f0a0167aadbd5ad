"""The registry of plugin types (tasks, triggers, conditions), by Kestra type name,
current and legacy. Names are unique across kinds, as Kestra's class names are; each
lookup asks for the kind it expects, so a trigger type written as a task is unknown."""
from __future__ import annotations

import importlib
import logging
import pkgutil
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from .plugin_type import PluginType
from .task import TaskType

if TYPE_CHECKING:
    from .condition import ConditionType
    from .trigger import TriggerType

log = logging.getLogger(__name__)

_types: dict[str, type[PluginType]] = {}
_canonical: dict[str, type[PluginType]] = {}
_loading = threading.RLock()  # a cluster worker process parses flows on several threads; RLock: a
# module being imported may itself look a type up

# Families whose modules register types when imported. Each is imported only when a
# type it may hold is asked for (its package's TYPE_PREFIXES say which), or when every
# type is listed; a module of a family that fails to import (a driver imported at the
# top of a module, a missing package) is reported for that family's types alone.
FAMILIES = ("plugins.core", "plugins.jdbc", "plugins.redis", "plugins.amqp", "plugins.mqtt", "plugins.nats")
# A family's own tests live beside its types, in this subpackage; they register nothing.
TESTS = "tests"
# In a family's __init__.py: the starts of the type names (current and legacy) it holds.
PREFIXES = "TYPE_PREFIXES"

_packages: dict[str, ModuleType | None] = {}  # family -> its package, None when that import failed
_loaded: set[str] = set()  # families whose modules were all imported (or tried)
_failures: dict[str, list[str]] = {}  # family -> "module: error" of each module that failed


def register(cls: type[PluginType]) -> type[PluginType]:
    """Class decorator: make a plugin type known under its name and its aliases."""
    for name in cls.names():
        existing = _types.get(name)
        if existing is not None and existing is not cls:
            raise ValueError(f"type {name} registered twice ({existing.__name__}, {cls.__name__})")
        _types[name] = cls
    _canonical[cls.type] = cls
    return cls


def _failed(family: str, module: str, exc: ImportError) -> None:
    _failures.setdefault(family, []).append(f"{module}: {type(exc).__name__}: {exc}")
    log.warning("plugin family %s: %s does not load (%s); its types are unknown", family, module, exc)


def _package(family: str) -> ModuleType | None:
    """The family's package (its __init__ only, which is light), imported once."""
    with _loading:
        if family not in _packages:
            try:
                _packages[family] = importlib.import_module(family)
            except ImportError as exc:
                _packages[family] = None
                _failed(family, family, exc)
        return _packages[family]


def _prefixes(family: str) -> tuple[str, ...] | None:
    """The type-name starts a family declares; None when it declares none (or its
    package does not load): any name may then be its."""
    package = _package(family)
    declared = getattr(package, PREFIXES, None) if package is not None else None
    return tuple(declared) if declared else None


def _may_hold(family: str, name: str) -> bool:
    prefixes = _prefixes(family)
    return prefixes is None or name.startswith(prefixes)


def _load_family(family: str) -> None:
    """Import every module of a family once. Marked before its modules are imported: a
    module that looks a type up meanwhile does not import its own family again; another
    thread waits on the lock until the whole family is in."""
    with _loading:
        if family in _loaded:
            return
        _loaded.add(family)
        package = _package(family)
        if package is not None:
            _import_below(family, package)


def load_all() -> None:
    """Import every family (those that fail are recorded): the service does it before
    forking its workers, so they share the modules."""
    for family in FAMILIES:
        _load_family(family)


def _import_below(family: str, package: ModuleType) -> None:
    """Import every module of a package, its subpackages too, but not its tests; a module
    that fails to import is recorded and the others still load."""
    for info in pkgutil.iter_modules(package.__path__, prefix=package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1] == TESTS:
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError as exc:
            _failed(family, info.name, exc)
            continue
        if info.ispkg:
            _import_below(family, module)


def _find(name: str) -> type[PluginType] | None:
    """The type of `name`: already registered, else after loading the families that may
    hold it, else after loading them all (a legacy name outside its family's prefixes)."""
    cls = _types.get(name)
    if cls is not None:
        return cls
    with _loading:  # a family another thread is importing is waited for, not missed
        for family in FAMILIES:
            if family not in _loaded and _may_hold(family, name):
                _load_family(family)
        cls = _types.get(name)
        if cls is None and any(family not in _loaded for family in FAMILIES):
            load_all()
            cls = _types.get(name)
    return cls


def load_failures() -> dict[str, list[str]]:
    """Family -> what failed to import in it ("module: error"), for the families tried."""
    return {family: list(errors) for family, errors in _failures.items()}


def why_unknown(name: str) -> str:
    """For an unknown type name, the import failures of the families that may hold it
    ("" when none failed), to add to the "unknown type" error."""
    broken = [f"{family} ({'; '.join(_failures[family])})" for family in FAMILIES
              if family in _failures and _may_hold(family, name)]
    if not broken:
        return ""
    return "; the plugin family that may provide it failed to load: " + ", ".join(broken)


def resolve_plugin(name: str) -> type[PluginType] | None:
    """The plugin type of any kind for a name, legacy or current; None when unknown
    (see why_unknown)."""
    return _find(name)


def _of_kind(name: str, kind: str) -> Any:  # the subclass `kind` names: each caller casts to it
    cls = resolve_plugin(name)
    return cls if cls is not None and cls.kind == kind else None


def resolve(name: str) -> type[TaskType] | None:
    """The task type for a name, legacy or current; None when unknown or not a task."""
    return cast("type[TaskType] | None", _of_kind(name, "task"))


def resolve_trigger(name: str) -> type[TriggerType] | None:
    """The trigger type (plugins.api.trigger.TriggerType) for a name; None when unknown."""
    return cast("type[TriggerType] | None", _of_kind(name, "trigger"))


def resolve_condition(name: str) -> type[ConditionType] | None:
    """The condition type (plugins.api.condition.ConditionType) for a name; None when unknown."""
    return cast("type[ConditionType] | None", _of_kind(name, "condition"))


def all_types(kind: str = "task") -> dict[str, type[PluginType]]:
    """Canonical name -> type of one kind, for docs and schema."""
    load_all()
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
