"""YAML loading that remembers the line of every mapping key and list item, so each
error can say where it is; `plain()` then turns the result into ordinary dicts and
lists (what the engine stores and renders).

Scalars are read the way Kestra's YAML parser (Jackson) reads them, not the YAML 1.1
way PyYAML defaults to: only true/false are booleans (`on`, `yes`, `no` stay strings,
Switch cases use them), dates stay strings (a flow's data must stay JSON), `10:30`
is a string rather than the sexagesimal 630, `1e3` is a number, keys are strings, and
a key given twice is an error rather than a silent overwrite. Tags for values JSON
has no word for (`!!binary`, `!!set`, `!!omap`, `!!pairs`) are refused.

Before anything is built, the document is measured (expressions.yaml_bounds): its size, nesting
and aliases are bounded as Kestra's SnakeYAML LoaderOptions bound them, so a small
alias bomb is refused instead of expanding into gigabytes."""
from __future__ import annotations

import re

import yaml

from expressions.yaml_bounds import YamlTooLarge, check_bounds

from . import limits
from .errors import FlowInvalid, SpecError
from .storable import text_problem

MERGE_TAG = "tag:yaml.org,2002:merge"
# YAML's types with no JSON equivalent: Kestra's Jackson reader gives no text or map
# for them, and a flow's data must stay JSON.
NON_JSON_TAGS = ("binary", "set", "omap", "pairs")


class LineDict(dict):
    """A mapping with `line` (where it starts) and `key_lines` (key -> line)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A sequence with `line` (where it starts) and `item_lines` (index -> line)."""

    line: int = 0
    item_lines: list


def key_text(key) -> str:
    """Mapping keys as Jackson gives them: always strings, booleans lowercase."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


class _LineConstructor:
    """Builds LineDicts and LineLists; mixed into a SafeLoader (pure Python or libyaml)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[SpecError] = []
        self.refused: list[SpecError] = []  # values of a tag JSON has no word for

    def construct_non_json(self, node):
        tag = node.tag.rsplit(":", 1)[-1]
        self.refused.append(SpecError("", f"the YAML tag !!{tag} is not supported: a flow holds text, numbers, "
                                             f"booleans, null, lists and maps", node.start_mark.line + 1))
        return None

    def construct_scalar(self, node):
        """A scalar as text; one whose escapes (`"\\0"`, `"\\ud800"`) make text no
        database can store is refused with its line (a NUL failed PostgreSQL with a 500
        when the flow's description, labels or a task's log reached it)."""
        value = super().construct_scalar(node)
        if isinstance(value, str) and (problem := text_problem(value)):
            self.refused.append(SpecError("", f"a value {problem}", node.start_mark.line + 1))
        return value

    def construct_timestamp_text(self, node):
        """An explicit `!!timestamp` stays the text it is, as an implicit date does."""
        return self.construct_scalar(node)

    def construct_line_mapping(self, node, deep=False):
        seen: dict[str, int] = {}
        for key_node, _value in node.value:
            if key_node.tag == MERGE_TAG:
                continue
            key = key_text(self.construct_object(key_node, deep=True))
            line = key_node.start_mark.line + 1
            if key in seen:
                self.duplicates.append(SpecError(key, f"duplicate key '{key}' (first at line {seen[key]})", line))
            else:
                seen[key] = line
        self.flatten_mapping(node)  # `<<: *anchor` merges first, the mapping's own keys win
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = key_text(self.construct_object(key_node, deep=True))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_line_sequence(self, node, deep=False):
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


class LineLoader(_LineConstructor, yaml.SafeLoader):
    """Pure Python: its error messages are the ones users see."""


# libyaml parses several times faster; flows are parsed each time an execution starts.
FastLineLoader = type("FastLineLoader", (_LineConstructor, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else None

_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int",
             "tag:yaml.org,2002:float"}
_RESOLVERS = (
    # Only true/false are booleans.
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    # Integers: decimal, 0x hex, 0b binary, 0-prefixed octal; no base-60 `1:30`.
    ("tag:yaml.org,2002:int",
     re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
     list("-+0123456789")),
    # Floats need a dot or an exponent (`1.5`, `1e3`, `.5`), plus .inf and .nan; no base 60.
    ("tag:yaml.org,2002:float",
     re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                   |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
                   |[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?
                   |[-+]?\.(?:inf|Inf|INF)
                   |\.(?:nan|NaN|NAN))$""", re.X),
     list("-+0123456789.")),
)

for _loader in filter(None, (LineLoader, FastLineLoader)):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineConstructor.construct_line_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineConstructor.construct_line_sequence)
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for _tag, _regexp, _first in _RESOLVERS:
        _loader.add_implicit_resolver(_tag, _regexp, _first)
    for _name in NON_JSON_TAGS:
        _loader.add_constructor(f"tag:yaml.org,2002:{_name}", _LineConstructor.construct_non_json)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _LineConstructor.construct_timestamp_text)


def _load_with(loader_class, source: str):
    loader = loader_class(source)
    try:
        return loader.get_single_data(), loader.duplicates + loader.refused
    finally:
        loader.dispose()


def load(source: str):
    """The YAML document with line information. Raises FlowInvalid for a syntax error
    (one error with its line), a document past a limit, or keys given twice and
    unsupported tags (every one of them)."""
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = source[:exc.start].count(b"\n") + 1
            raise FlowInvalid([SpecError("", f"not UTF-8 text (byte {source[exc.start]:#x})", line)]) from None
    size = limits.source_chars()
    if len(source) > size.value:
        raise FlowInvalid([SpecError(
            "", f"the flow's text has {len(source)} characters, more than the limit of {size}")])
    try:
        check_bounds(FastLineLoader or LineLoader, source, limits.yaml_bounds())
    except YamlTooLarge as exc:
        raise FlowInvalid([SpecError("", str(exc), exc.line)]) from None
    try:
        try:
            data, duplicates = _load_with(FastLineLoader or LineLoader, source)
        except yaml.YAMLError:
            data, duplicates = _load_with(LineLoader, source)  # for PyYAML's wording of the error
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        where = f" at line {line}" if line else ""
        raise FlowInvalid([SpecError("", f"YAML syntax error{where}: {problem}", line)]) from None
    except yaml.YAMLError as exc:
        raise FlowInvalid([SpecError("", f"YAML syntax error: {exc}")]) from None
    if duplicates:
        raise FlowInvalid(duplicates)
    return data


def load_value(text: str):
    """A YAML value given as an input (a YAML input, Pause's onResume...), as plain data,
    within the same bounds as a flow's text. Raises YamlTooLarge, or yaml.YAMLError for
    bad syntax or an unsupported tag."""
    size = limits.source_chars()
    if len(text) > size.value:
        raise YamlTooLarge(f"the YAML text has {len(text)} characters, more than the limit of {size}")
    check_bounds(FastLineLoader or LineLoader, text, limits.yaml_bounds())
    loader = (FastLineLoader or LineLoader)(text)
    try:
        data = loader.get_single_data()
        if loader.refused:
            raise yaml.YAMLError(str(loader.refused[0]))
    finally:
        loader.dispose()
    return plain(data)


def line_of(container, key=None) -> int | None:
    """The line of `container[key]` (a mapping key or a list index); the container's
    own line when the key has none (e.g. it came from pluginDefaults); None for plain
    dicts and lists."""
    if isinstance(container, LineDict):
        if key is not None:
            return container.key_lines.get(key, container.line)
        return container.line
    if isinstance(container, LineList):
        if isinstance(key, int) and 0 <= key < len(container.item_lines):
            return container.item_lines[key] or container.line
        return container.line
    return None


def plain(value):
    """Ordinary dicts and lists, all the way down."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
