"""Measuring a YAML document from its parser events, before any of it is built.

A few hundred bytes of anchors and aliases (`b: &b [*a, *a, ...]`, nine levels deep)
expand into billions of values, and nesting thousands deep exhausts Python's stack.
Kestra's reader (SnakeYAML's LoaderOptions) refuses more than 50 aliases to lists or
maps and nesting deeper than 50; the same limits are settings here, passed in by the
caller. The events are read one at a time, with no recursion, and an alias is counted
at the size of what it names, so the expanded size is known without expanding anything.

The one home of this measure: a flow's text and YAML input values (flows.spec.yaml_lines)
and the `yaml()` function of expressions all read user YAML through it; it lives with
expressions because they import nothing of the project."""
from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class YamlBounds:
    """The limits one document is measured against. Each is anything with an int
    `value` whose str() is what an error shows (`50 (setting KESTRAWEB_...)`)."""
    depth: object
    aliases: object
    values: object


class YamlTooLarge(yaml.YAMLError):
    """A document past one of the limits; `bound` is which (a YamlBounds field) and
    `line` where it was found (1-based)."""

    def __init__(self, message: str, line: int | None = None, bound: str | None = None):
        super().__init__(message)
        self.line = line
        self.bound = bound


_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def check_bounds(loader_class, source: str, bounds: YamlBounds) -> None:
    """Raise YamlTooLarge when `source` nests too deep, has too many aliases to lists
    or maps, or would expand into too many values. Syntax errors are left for the
    loader to report."""
    max_depth, max_aliases, max_values = bounds.depth, bounds.aliases, bounds.values
    loader = loader_class(source)
    sizes: dict[str, int] = {}  # anchor -> values it expands to
    collections: set[str] = set()  # anchors that name a list or a map
    open_sizes: list[list] = []  # [values so far, anchor] of each open list or map
    aliases = total = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else None
            added = 0
            if isinstance(event, _STARTS):
                if len(open_sizes) + 1 > max_depth.value:
                    raise YamlTooLarge(f"lists and maps nested deeper than the limit of {max_depth}", line, "depth")
                open_sizes.append([1, event.anchor])
                added = 1
            elif isinstance(event, _ENDS):
                size, anchor = open_sizes.pop()
                if anchor is not None:
                    sizes[anchor] = size
                    collections.add(anchor)
                if open_sizes:
                    open_sizes[-1][0] += size
                continue
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                    collections.discard(event.anchor)
                added = 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in collections:
                    aliases += 1
                    if aliases > max_aliases.value:
                        raise YamlTooLarge(f"more aliases to lists or maps than the limit of {max_aliases}", line,
                                           "aliases")
                added = sizes.get(event.anchor, 1)
            else:
                continue
            total += added
            if total > max_values.value:
                raise YamlTooLarge(f"the YAML expands to more values than the limit of {max_values}", line, "values")
            if open_sizes and not isinstance(event, _STARTS):
                open_sizes[-1][0] += added
    except YamlTooLarge:
        raise
    except yaml.YAMLError:
        return  # the loader reports it, in its own words
    finally:
        loader.dispose()
