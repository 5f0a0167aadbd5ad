"""The plugin types as the documentation lists them: by family (core, jdbc, http...),
then by package (`io.kestra.plugin.core.flow`), each package's tasks, triggers and
conditions, from the registry (plugins.api.catalog, the same grouping as Kestra's
GET /api/v1/plugins). Internal types are left out, as there."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from plugins.api import catalog
from plugins.api.plugin_type import PluginType
from plugins.api.registry import resolve_plugin

KINDS = tuple(catalog.KINDS)  # task, trigger, condition


@dataclass(frozen=True)
class TypeEntry:
    name: str  # the current type name
    title: str
    summary: str  # the description's first sentence
    kind: str
    deprecated: bool


@dataclass
class Package:
    name: str
    types: dict[str, list[TypeEntry]] = field(default_factory=lambda: {kind: [] for kind in KINDS})


@dataclass
class Family:
    name: str
    group: str
    packages: list[Package]

    def count(self) -> int:
        return sum(len(types) for package in self.packages for types in package.types.values())


def short_name(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def summary(text: str) -> str:
    first = (text or "").strip().split("\n\n")[0]
    return first.split(". ")[0].rstrip(".") + "." if first else ""


def entry(name: str, cls: type[PluginType]) -> TypeEntry:
    return TypeEntry(name, cls.title or short_name(name), summary(cls.description), cls.kind, bool(cls.deprecated))


def families(words: str = "") -> list[Family]:
    """Every visible type (those whose name, title or description holds every word of
    `words`) by family and package, families and packages sorted by name."""
    wanted = words.lower().split()
    by_family: defaultdict[str, dict[str, Package]] = defaultdict(dict)
    for name, cls in sorted(catalog.visible_types().items()):
        haystack = f"{name} {cls.title} {cls.description}".lower()
        if all(word in haystack for word in wanted):
            package = by_family[catalog.family(cls)].setdefault(catalog.package(name), Package(catalog.package(name)))
            package.types[cls.kind].append(entry(name, cls))
    found = []
    for family, packages in sorted(by_family.items()):
        names = [t.name for package in packages.values() for types in package.types.values() for t in types]
        found.append(Family(family, catalog.group_name(names), [packages[name] for name in sorted(packages)]))
    return found


def find_type(name: str) -> type[PluginType] | None:
    """The visible type a name (current or legacy) stands for."""
    cls = resolve_plugin(name)
    return None if cls is None or getattr(cls, "internal", False) else cls
