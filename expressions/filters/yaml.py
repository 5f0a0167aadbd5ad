"""YAML both ways: the `yaml` filter writes a value as Kestra's Jackson YAML mapper
does (no `---`, minimal quotes, arrays indented one space under their key, multi-line
strings as `|-` blocks) and the `yaml()` function parses YAML text."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time

import yaml as pyyaml

from ..bounded import measure
from ..budget import current
from ..errors import ExpressionError
from ..limits import LimitExceeded
from ..output import iso, java_double, java_string
from ..yaml_bounds import YamlBounds, YamlTooLarge, check_bounds

_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
_LIMIT_OF_BOUND = {"depth": "nesting_depth", "aliases": "yaml_aliases", "values": "yaml_values"}

# YAML 1.1 words SnakeYAML would read as booleans or null: quoted when they are strings
_RESERVED = {"true", "false", "yes", "no", "y", "n", "on", "off", "null", "~"}
_PLAIN_START_FORBIDDEN = set(",[]{}#&*!|>'\"%@`")
_PLAIN_START_BEFORE_SPACE = set("-?:")  # indicators only when a space (or the end) follows


def to_yaml(value) -> str:
    if value is None:
        return "null"
    measure(value)
    lines: list[str] = []
    if isinstance(value, Mapping) and value:
        _mapping(value, 0, lines)
    elif isinstance(value, (list, tuple)) and value:
        _sequence(value, 0, lines)
    else:
        lines.append(_scalar(value, 0))
    return "\n".join(lines) + "\n"


def _mapping(value: Mapping, column: int, lines: list[str]):
    pad = " " * column
    for key, item in value.items():
        head = f"{pad}{_string(java_string(key), column, key=True)}:"
        if isinstance(item, Mapping) and item:
            lines.append(head)
            _mapping(item, column + 2, lines)
        elif isinstance(item, (list, tuple)) and item:
            lines.append(head)
            _sequence(item, column, lines)
        else:
            lines.append(f"{head} {_scalar(item, column + 2)}")


def _sequence(value, column: int, lines: list[str]):
    """SnakeYAML with Jackson's INDENT_ARRAYS: `-` one column in, nested blocks below."""
    pad = " " * (column + 1)
    for item in value:
        if isinstance(item, Mapping) and item:
            lines.append(f"{pad}-")
            _mapping(item, column + 2, lines)
        elif isinstance(item, (list, tuple)) and item:
            lines.append(f"{pad}-")
            _sequence(item, column + 2, lines)
        else:
            lines.append(f"{pad}- {_scalar(item, column + 2)}")


def _scalar(value, column: int) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, (list, tuple)):
        return "[]"
    if isinstance(value, (datetime, date, time)):
        return _string(iso(value), column)
    return _string(java_string(value), column)


def _string(text: str, column: int, key: bool = False) -> str:
    if "\n" in text and not key:
        chomp = "|-" if not text.endswith("\n") else ("|" if not text.endswith("\n\n") else "|+")
        body = text[:-1] if text.endswith("\n") else text
        pad = " " * column
        return chomp + "".join("\n" + (pad + line if line else "") for line in body.split("\n"))
    if text == "" or text.lower() in _RESERVED or _needs_double_quotes(text):
        return _double_quoted(text)
    starts_like_indicator = text[0] in _PLAIN_START_BEFORE_SPACE and text[1:2] in ("", " ")
    if text[0] in _PLAIN_START_FORBIDDEN or starts_like_indicator or text[0] == " " or text[-1] == " ":
        return "'" + text.replace("'", "''") + "'"
    return text


def _needs_double_quotes(text: str) -> bool:
    """Jackson's StringQuotingChecker (flow characters, `#` after a blank, `: `), and
    characters a plain or single-quoted scalar can not hold (tabs, control chars)."""
    if any(c in text for c in "[]{},"):
        return True
    if text.startswith("#") or re.search(r"\s#", text) or re.search(r":(\s|$)", text):
        return True
    return any(ord(c) < 32 or ord(c) == 127 for c in text)


def _double_quoted(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
               .replace("\n", "\\n"))
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02X}", escaped) + '"'


def from_yaml(text):
    """The yaml() function: YAML text to maps, lists and scalars. The text is measured
    before anything is built, as a flow's is: an alias bomb or a nesting thousands deep
    ends with a LimitExceeded naming the setting, not a frozen or crashed process."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise ExpressionError("The 'yaml' function expects an argument 'yaml' with type string.")
    limits = current().limits
    try:
        check_bounds(_LOADER, text, YamlBounds(depth=_Bound(limits.nesting_depth),
                                               aliases=_Bound(limits.yaml_aliases), values=_Bound(limits.yaml_values)))
        return pyyaml.load(text, Loader=_LOADER)
    except YamlTooLarge as exc:
        where = f" at line {exc.line}" if exc.line else ""
        raise LimitExceeded(limits, _LIMIT_OF_BOUND[exc.bound], f"Invalid yaml{where}: {exc}") from None
    except pyyaml.YAMLError as exc:
        raise ExpressionError(f"Invalid yaml: {exc}") from None


class _Bound(int):
    """A limit as yaml_bounds reads it: its `value` (the setting is named by LimitExceeded)."""

    @property
    def value(self) -> int:
        return int(self)


FILTERS = {"yaml": to_yaml}
