"""A declared property rendered and read as its declared kind, as Kestra's
`runContext.render(property).as(Integer.class)` does: the engine's run context and
its executable runtime both answer `render_property` with this, so every task reads a
property one way, whoever runs it.

A value that cannot be read fails the task with a message naming the task id, the
property (and where inside it) and the value."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .context import TaskFailed
from .properties import Property
from .property_values import ValueInvalid, coerce
from .registry import resolve_plugin

# Kinds whose value is a task or a list of them: the engine runs them, nothing renders them.
NOT_RENDERED = ("tasks", "task")


class PropertyInvalid(TaskFailed):
    """A property whose rendered value is not of its declared kind (or out of its bounds)."""

    def __init__(self, owner: str, name: str, message: str):
        super().__init__(f"Invalid property '{name}' of {owner}: {message}")
        self.property_name = name


def declared_property(spec: Mapping[str, Any] | None, name: str) -> Property | None:
    """The declaration of `name` for the plugin that `spec` is (None: not declared)."""
    type_name = spec.get("type") if spec else None
    cls = resolve_plugin(type_name) if isinstance(type_name, str) else None
    return cls.declared().get(name) if cls is not None else None


def raw_value(spec: Mapping[str, Any] | None, name: str, prop: Property | None, default: Any = None) -> Any:
    """The value as written (under its name or an older alias), else the caller's
    default, else the declared one."""
    spec = spec or {}
    for key in (name, *(prop.aliases if prop else ())):
        if spec.get(key) is not None:
            return spec[key]
    if default is not None:
        return default
    return prop.default if prop is not None else None


def render_declared(render: Callable[[Any], Any], spec: Mapping[str, Any] | None, name: str,
                    default: Any = None) -> Any:
    """The property `name` of the plugin `spec`, rendered by `render` and read as its
    declared kind; raises PropertyInvalid naming the plugin, the property and the value."""
    prop = declared_property(spec, name)
    value = raw_value(spec, name, prop, default)
    if prop is not None and prop.kind in NOT_RENDERED:
        return value
    rendered = render(value)
    if prop is None or rendered is None:
        return rendered
    try:
        return coerce(prop, rendered)
    except ValueInvalid as exc:
        raise PropertyInvalid(_owner(spec), f"{name}{exc.problem.sub}", exc.problem.message) from None


def _owner(spec: Mapping[str, Any] | None) -> str:
    plugin_id = spec.get("id") if spec else None
    kind = "task"
    cls = resolve_plugin(str(spec.get("type"))) if spec else None
    if cls is not None and cls.kind != "task":
        kind = cls.kind
    return f"{kind} '{plugin_id}'" if plugin_id else kind
