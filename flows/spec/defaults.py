"""pluginDefaults (and the older taskDefaults): values a plugin gets from its flow,
applied before validation so required properties may come only from there.

As Kestra's PluginDefaultService does it:

- a default applies to every mapping of the flow with a `type` its own `type` names or
  is a package prefix of (tasks at any depth, triggers, their conditions, task
  runners...), matching older and newer names of one type alike;
- a non-forced default fills what the plugin leaves out; a forced one overrides it;
  maps merge key by key, lists are joined (the default's items first, unless forced),
  a null never wins over a value;
- when several defaults match, the first one listed wins (forced or not);
- a key a default brings that the task's type does not declare is ignored (Kestra
  reads defaulted plugins leniently), so a prefix default may carry properties of
  only some of the types under it.
"""
from __future__ import annotations

import copy

from plugins.api import registry

from .errors import SpecError
from .yaml_lines import LineDict, LineList, line_of

DEFAULT_KEYS = ("type", "values", "forced")
SECTIONS = ("pluginDefaults", "taskDefaults")


def plugin_defaults(data: dict) -> list[dict]:
    """The flow's defaults, `pluginDefaults` first then the legacy `taskDefaults`."""
    items = []
    for key in SECTIONS:
        value = data.get(key)
        if isinstance(value, list):
            items += [d for d in value if isinstance(d, dict)]
    return items


def check_defaults(data: dict) -> list[SpecError]:
    """Each default is {type, values, forced}; values are not null; when `type` names a
    known type (not a package prefix), every key of `values` is one of its properties."""
    errors = []
    for section in SECTIONS:
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            errors.append(SpecError(section, "must be a list of {type, values, forced}", line_of(data, section)))
            continue
        for index, item in enumerate(items):
            path, line = f"{section}[{index}]", line_of(items, index)
            if not isinstance(item, dict):
                errors.append(SpecError(path, "a default must be a map with type and values", line))
                continue
            errors += _check_default(item, path)
    return errors


def _check_default(item: dict, path: str) -> list[SpecError]:
    errors = []
    for key in item:
        if key not in DEFAULT_KEYS:
            errors.append(SpecError(f"{path}.{key}", f"unknown property '{key}' of a plugin default",
                                    line_of(item, key)))
    default_type, values = item.get("type"), item.get("values")
    if not isinstance(default_type, str) or not default_type:
        errors.append(SpecError(f"{path}.type", "required: a plugin type or a package prefix", line_of(item, "type")))
    if not isinstance(values, dict):
        errors.append(SpecError(f"{path}.values", "required: a map of property values", line_of(item, "values")))
        values = {}
    if "forced" in item and not isinstance(item["forced"], bool):
        errors.append(SpecError(f"{path}.forced", "must be true or false", line_of(item, "forced")))
    for key, value in values.items():
        if value is None:
            errors.append(SpecError(f"{path}.values.{key}", f"no value provided for key '{key}'", line_of(values, key)))
    cls = registry.resolve_plugin(default_type) if isinstance(default_type, str) else None
    if cls is not None:
        declared = cls.declared()
        known = set(declared) | {alias for prop in declared.values() for alias in prop.aliases}
        for key in values:
            if key not in known:
                errors.append(SpecError(f"{path}.values.{key}",
                                        f"no property '{key}' exists in plugin '{default_type}'", line_of(values, key)))
    return errors


def apply_defaults(data: dict) -> None:
    """Apply the flow's defaults in place to every plugin mapping of the flow."""
    ordered = _ordered_defaults(data)
    for key, value in data.items():
        if ordered and key not in SECTIONS:
            _apply_below(value, ordered)


def apply_defaults_to(value, data: dict) -> None:
    """Apply the defaults of the flow `data` in place to plugin mappings that join it
    at run time (a Template's tasks), as Kestra injects templates before defaults."""
    ordered = _ordered_defaults(data)
    if ordered:
        _apply_below(value, ordered)


def _ordered_defaults(data: dict) -> list[dict]:
    """First listed wins: non-forced ones fill gaps in list order; forced ones override
    in reverse list order, so the first forced one is written last."""
    defaults = [d for d in plugin_defaults(data)
                if isinstance(d.get("type"), str) and isinstance(d.get("values"), dict)]
    return [d for d in defaults if not d.get("forced")] + [d for d in reversed(defaults) if d.get("forced")]


def _apply_below(value, defaults) -> None:
    """Children first, then the mapping itself, as Kestra does."""
    if isinstance(value, dict):
        for child in value.values():
            _apply_below(child, defaults)
        plugin_type = value.get("type")
        if isinstance(plugin_type, str) and "." in plugin_type:
            for default in defaults:
                if registry.matches_prefix(plugin_type, default["type"]):
                    merge_default(value, default["values"], bool(default.get("forced")))
    elif isinstance(value, list):
        for item in value:
            _apply_below(item, defaults)


def merge_default(target: dict, values: dict, forced: bool) -> None:
    """Merge a default's `values` into `target` in place (Kestra's MapUtils.merge, with
    the default as the base unless forced). Keys a default adds are remembered in
    `target.defaulted` and take the default's line."""
    for key, value in values.items():
        mine = target.get(key)
        if value is None:
            continue
        if mine is None:
            target[key] = copy.deepcopy(value)
            _note_from_default(target, values, key)
        elif isinstance(mine, dict) and isinstance(value, dict):
            merge_default(mine, value, forced)
        elif isinstance(mine, list) and isinstance(value, list):
            target[key] = _joined(mine, copy.deepcopy(value)) if forced else _joined(copy.deepcopy(value), mine)
        elif forced:
            target[key] = copy.deepcopy(value)
            _note_from_default(target, values, key, replaced=True)


def _note_from_default(target, values, key, replaced: bool = False) -> None:
    if not isinstance(target, LineDict):
        return
    if not replaced:
        if not hasattr(target, "defaulted"):
            target.defaulted = set()
        target.defaulted.add(key)
    line = line_of(values, key)
    if line and key not in target.key_lines:
        target.key_lines[key] = line


def _joined(first: list, second: list) -> list:
    joined = LineList(first + second)
    joined.line = getattr(first, "line", 0) or getattr(second, "line", 0)
    joined.item_lines = _item_lines(first) + _item_lines(second)
    return joined


def _item_lines(items) -> list:
    lines = getattr(items, "item_lines", None)
    return list(lines) if lines is not None else [None] * len(items)


def from_defaults_only(task: dict, key: str) -> bool:
    """Whether `key` of a plugin mapping came from a default, not the flow's text."""
    return key in getattr(task, "defaulted", ())
