"""What every plugin type shares, task, trigger or condition: a Kestra type name and
its older aliases, and properties declared once (validation, docs and schema read the
same declaration)."""
from __future__ import annotations

from typing import Any, ClassVar

from .properties import Example, Property


class PluginType:
    type: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    properties: ClassVar[tuple[Property, ...]] = ()
    examples: ClassVar[tuple[Example, ...]] = ()
    deprecated: ClassVar[bool] = False
    # What the type is, for the registry and error messages ("task", "trigger", "condition").
    kind: ClassVar[str] = "plugin"

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec  # the plugin's YAML mapping, pluginDefaults applied

    def get(self, name: str, default: Any = None) -> Any:
        """The raw (unrendered) value of a property, trying its legacy aliases too, then
        its declared default."""
        if name in self.spec:
            return self.spec[name]
        declared = self.declared().get(name)
        for alias in declared.aliases if declared else ():
            if alias in self.spec:
                return self.spec[alias]
        if declared is not None and declared.default is not None:
            return declared.default
        return default

    @classmethod
    def common_properties(cls) -> tuple[Property, ...]:
        """Properties every type of this kind accepts (Kestra's AbstractTask, AbstractTrigger...)."""
        return ()

    @classmethod
    def declared(cls) -> dict[str, Property]:
        cached: dict[str, Property] | None = cls.__dict__.get("_declared")
        if cached is None:
            cached = {p.name: p for p in (*cls.common_properties(), *cls.properties)}
            setattr(cls, "_declared", cached)  # noqa: B010 - per class, not inherited: read from cls.__dict__
        return cached

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """Checks beyond declared properties, as (path below the plugin, message) pairs.
        Runs after the declared properties were validated."""
        return []

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return (cls.type, *cls.aliases)
