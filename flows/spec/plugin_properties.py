"""A plugin mapping (a trigger, a condition) checked against its type's declared
properties: known keys only (a key only a prefix default brought is dropped, as Kestra
reads defaulted plugins leniently), literal values of the declared kind, known fields
of objects, required ones present, then the type's own check. Every problem comes
with its path and line."""
from __future__ import annotations

import re

from .defaults import from_defaults_only
from .errors import SpecError
from .property_types import field_problems, kind_problem
from .yaml_lines import line_of


def declared_property_errors(mapping: dict, cls, path: str, here: int | None, named: str,
                             special=None) -> list[SpecError]:
    """Known keys only, each literal value of its declared kind, required ones present.
    `special(key, prop, value)` may check a key its own way (a task's `retry`): it
    returns that key's errors, or None to check it as declared."""
    declared = cls.declared()
    aliases = {alias: prop for prop in declared.values() for alias in prop.aliases}
    errors = []
    for key, value in list(mapping.items()):
        prop = declared.get(key) or aliases.get(key)
        if prop is None:
            if from_defaults_only(mapping, key):
                del mapping[key]  # a prefix default's property some other type has: ignored, as Kestra does
            else:
                errors.append(SpecError(f"{path}.{key}", f"unknown property '{key}' for type {mapping['type']}{named}",
                                        line_of(mapping, key)))
            continue
        if key in ("id", "type"):
            continue
        own = special(key, prop, value) if special else None
        if own is not None:
            errors += own
            continue
        problem = kind_problem(prop, value)
        if problem:
            errors.append(SpecError(f"{path}.{key}", f"{problem}{named}", line_of(mapping, key)))
            continue
        errors += [SpecError(f"{path}.{key}{sub}", f"{message}{named}", line_of(inner, field))
                   for sub, inner, field, message in field_problems(prop, value)]
    for prop in declared.values():
        if prop.required and prop.name not in ("id", "type") and \
                all(mapping.get(name) is None for name in (prop.name, *prop.aliases)):
            errors.append(SpecError(f"{path}.{prop.name}", f"required property missing{named}", here))
    return errors


def plugin_errors(mapping: dict, cls, path: str, here: int | None, named: str) -> list[SpecError]:
    errors = declared_property_errors(mapping, cls, path, here, named)
    return errors + own_check_errors(mapping, cls, path, here, named, {e.path for e in errors})


def own_check_errors(mapping: dict, cls, path: str, here, named: str, reported: set) -> list[SpecError]:
    """The type's own checks, except on a path already reported (a missing cron is not
    also an invalid one)."""
    errors = []
    for sub, message in cls.check(mapping):
        full = f"{path}.{sub}" if sub else path
        if full in reported:
            continue
        errors.append(SpecError(full, f"{message}{named}", line_at(mapping, sub) or here))
    return errors


SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def line_at(mapping, sub: str) -> int | None:
    """The line of the deepest value that `sub` (like `preconditions.where[0].value`)
    reaches below `mapping`."""
    line, current = None, mapping
    segments = [int(index) if index else name for name, index in SEGMENT.findall(sub or "")]
    while segments:
        key = segments[0]
        if isinstance(current, dict) and key not in current and all(isinstance(part, str) for part in segments):
            key = ".".join(segments)  # a key holding dots itself (a label `system.x`)
            segments = [key]
        if not _holds(current, key):
            break
        line = line_of(current, key) or line
        current = current[key]
        segments = segments[1:]
    return line


def _holds(container, key) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and key < len(container)
