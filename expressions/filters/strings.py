"""String filters of Pebble and Kestra, with their Java semantics: `title` and
`capitalize` leave other letters alone, `trim` strips control characters too, `split`
and `replace(regexp=true)` take Java regexes, the substring filters follow
commons-lang's StringUtils. A null input gives null back, as in Pebble."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from .. import bounded, java_regex
from ..errors import ExpressionError
from ..output import java_string

_JAVA_TRIM = "".join(map(chr, range(33)))


def _nullable(function):
    def apply(value, /, *args, **kwargs):
        return None if value is None else function(java_string(value), *args, **kwargs)

    apply.__name__ = function.__name__
    return apply


@_nullable
def upper(text):
    return text.upper()


@_nullable
def lower(text):
    return text.lower()


@_nullable
def title(text):
    """Pebble's title: the first letter of each whitespace-separated word in upper case."""
    out, capitalize_next = [], True
    for char in text:
        if char.isspace():
            capitalize_next = True
        elif capitalize_next:
            char, capitalize_next = char.upper(), False
        out.append(char)
    return "".join(out)


@_nullable
def capitalize(text):
    stripped = len(text) - len(text.lstrip())
    return text[:stripped] + text[stripped:stripped + 1].upper() + text[stripped + 1:]


@_nullable
def trim(text):
    return text.strip(_JAVA_TRIM)


@_nullable
def abbreviate(text, length):
    width = int(length)
    if width < 0:
        raise ExpressionError("Invalid argument to abbreviate filter; must be greater than zero")
    if len(text) < width or len(text) <= 3:
        return text
    if width <= 3:
        return text[:width]
    return text[:width - 3] + "..."


def replace(value, /, replace_pairs=None, regexp=False):
    """Pebble's replace takes a map {search: replacement} (and `regexp=true` for regexes);
    `replace('a', 'b')` works too. Maps and lists are replaced inside."""
    if value is None:
        return None
    if isinstance(replace_pairs, str):  # replace('search', 'replacement'[, regexp])
        if not isinstance(regexp, str):
            raise ExpressionError("replace: expected a map of replacements, or a search and a replacement")
        pairs, regexp = {replace_pairs: regexp}, False
    elif isinstance(replace_pairs, Mapping):
        pairs = replace_pairs
    else:
        raise ExpressionError("The argument 'replace_pairs' is required.")
    return _replace(value, pairs, bool(regexp))


def _replace(value, pairs, regexp):
    if isinstance(value, Mapping):
        return {k: _replace(v, pairs, regexp) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace(v, pairs, regexp) for v in value]
    text = java_string(value)
    for search, new in pairs.items():
        if regexp:
            text = java_regex.replace(java_string(search), java_string(new), text)
        else:
            text = bounded.replace(text, java_string(search), java_string(new))
    return text


def split(value, /, delimiter=None, limit=None):
    if value is None:
        return None
    if delimiter is None:
        raise ExpressionError("missing delimiter parameter in split filter")
    return java_regex.java_split(java_string(value), java_string(delimiter), 0 if limit is None else int(limit))


@_nullable
def slugify(text):
    """Kestra's Slugify: ASCII word characters and single dashes, lower case."""
    text = "".join("-" if c.isspace() else c for c in text)
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if c.isascii() and (c.isalnum() or c in "_-")).replace("_", "-")
    while "--" in text:
        text = text.replace("--", "-")
    if text.startswith("-"):
        text = text[1:]
    if text.endswith("-"):
        text = text[:-1]
    return text.lower()


def _separator(separator):
    if separator is None:
        raise ExpressionError("expects an argument 'separator'")
    return java_string(separator)


@_nullable
def substring_before(text, separator=None):
    sep = _separator(separator)
    if not text:
        return text
    if not sep:
        return ""
    pos = text.find(sep)
    return text if pos < 0 else text[:pos]


@_nullable
def substring_after(text, separator=None):
    sep = _separator(separator)
    if not text:
        return text
    pos = text.find(sep)
    return "" if pos < 0 else text[pos + len(sep):]


@_nullable
def substring_before_last(text, separator=None):
    sep = _separator(separator)
    if not text or not sep:
        return text
    pos = text.rfind(sep)
    return text if pos < 0 else text[:pos]


@_nullable
def substring_after_last(text, separator=None):
    sep = _separator(separator)
    if not text:
        return text
    if not sep:
        return ""
    pos = text.rfind(sep)
    return "" if pos < 0 or pos == len(text) - len(sep) else text[pos + len(sep):]


def starts_with(input_, /, value=None):
    return java_string(input_).startswith(java_string(value))


def ends_with(input_, /, value=None):
    return java_string(input_).endswith(java_string(value))


_ESCAPES = {"single": ("'", "\\'"), "double": ('"', '\\"'), "shell": ("'", "'\\''")}


def escape_char(value, /, type=None):  # noqa: A002 - Kestra's argument name
    """Kestra's escapeChar: escape ' (single), " (double) or ' for a single-quoted shell
    string (shell); maps and lists are escaped inside."""
    if value is None:
        return None
    if type is None:
        raise ExpressionError("The 'escapeChar' filter expects an argument 'type'.")
    try:
        search, new = _ESCAPES[str(type).lower()]
    except KeyError:
        raise ExpressionError("The 'escapeChar' filter expects the value of 'type' to be either 'single', "
                              "'double', or 'shell'.") from None
    return _escape(value, search, new)


def _escape(value, search, new):
    if isinstance(value, Mapping):
        return {k: _escape(v, search, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape(v, search, new) for v in value]
    return java_string(value).replace(search, new)


def _line_separator(text: str) -> str:
    for separator in ("\r\n", "\n\r", "\n", "\r"):
        if separator in text:
            return separator
    return "\n"


def indent(value, /, amount=None, prefix=" "):
    """Every line but the first gets `amount` times `prefix` in front (Kestra's indent)."""
    if value is None:
        return None
    text = java_string(value)
    if not text:
        return text
    newline = _line_separator(text)
    return bounded.replace(text, newline, newline + _pad(amount, prefix, "indent"))


def nindent(value, /, amount=None, prefix=" "):
    """A new line first, then every line indented (Kestra's nindent)."""
    if value is None:
        return None
    text = java_string(value)
    if not text:
        return text
    newline = _line_separator(text)
    return bounded.replace(newline + text, newline, newline + _pad(amount, prefix, "nindent"))


def _pad(amount, prefix, name) -> str:
    if amount is None or isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ExpressionError(f"The '{name}' filter expects a positive integer >=0 as argument 'amount'.")
    return bounded.repeat(java_string(prefix), amount)


def string(value):
    """Kestra's string filter: numbers (and numeric strings) as Java writes them; other
    text as it is."""
    if value is None or isinstance(value, str) and not value.strip():
        return value
    if isinstance(value, str):
        try:
            return str(Decimal(value.strip()))
        except InvalidOperation:
            return value
    return java_string(value)


def regex_match(value, /, regex=None):
    if value is None:
        return False
    return java_regex.search(java_string(_required(regex, "regex")), java_string(value)) is not None


def regex_extract(value, /, regex=None, group=0):
    if value is None:
        return None
    match = java_regex.search(java_string(_required(regex, "regex")), java_string(value))
    return match.group(int(group or 0)) if match else None


def regex_replace(value, /, regex=None, replacement=None):
    if value is None:
        return None
    return java_regex.replace(java_string(_required(regex, "regex")),
                              java_string(_required(replacement, "replacement")), java_string(value))


def _required(value, name):
    if value is None:
        raise ExpressionError(f"The argument '{name}' is required.")
    return value


FILTERS = {
    "upper": upper, "lower": lower, "title": title, "capitalize": capitalize, "trim": trim,
    "abbreviate": abbreviate, "replace": replace, "split": split, "slugify": slugify,
    "substringBefore": substring_before, "substringAfter": substring_after,
    "substringBeforeLast": substring_before_last, "substringAfterLast": substring_after_last,
    "startsWith": starts_with, "endsWith": ends_with, "escapeChar": escape_char,
    "indent": indent, "nindent": nindent, "string": string,
    "regexMatch": regex_match, "regexExtract": regex_extract, "regexReplace": regex_replace,
}
