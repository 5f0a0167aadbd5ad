"""Pebble's lexer: a template splits into text, `{{ }}`, `{% %}`, `{# #}` and raw blocks;
inside a tag, tokens. Tags end at the first closing delimiter outside brackets and
strings, as in Pebble, so `{{ {'a': {'b': '}}'}} }}` is one tag."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import ExpressionError

# Pebble's operators, longest first; word operators must not run into a name.
_SYMBOL_OPS = ("???", "??", "==", "!=", "<=", ">=", "..", "<", ">", "+", "-", "*", "/", "%", "|", "~")
_WORD_OPS = ("is not", "contains", "equals", "isIn", "notIn", "not", "and", "or", "is")
_OPERATOR = re.compile(
    "|".join(re.escape(op) for op in _SYMBOL_OPS)
    + "|" + "|".join(re.escape(op) + r"(?![A-Za-z0-9_])" for op in _WORD_OPS)
)
_NAME = re.compile(r"[^\W\d]\w*")
_LONG = re.compile(r"\d+[lL](?![A-Za-z0-9_])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SINGLE_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'", re.DOTALL)
_PUNCTUATION = "()[]{}?:.,|="
_OPEN = {"(": ")", "[": "]", "{": "}"}
_START = re.compile(r"\{[{%#]")
_RAW_START = re.compile(r"\{%-?\s*(raw|verbatim)\s*-?%\}")
_RAW_END = {"raw": re.compile(r"\{%-?\s*endraw\s*-?%\}"), "verbatim": re.compile(r"\{%-?\s*endverbatim\s*-?%\}")}


@dataclass
class Token:
    kind: str  # name, number, long, string, op, punct
    value: object  # text; for strings a list of parts: str or list[Token] (an #{...} interpolation)
    line: int


@dataclass
class Segment:
    kind: str  # text, print, exec, comment, raw
    text: str  # the source of the whole segment, delimiters included
    line: int
    tokens: list[Token] = field(default_factory=list)
    trim_left: bool = False
    trim_right: bool = False


def split_template(source: str) -> list[Segment]:
    """The template's segments in order; tag segments carry their tokens."""
    segments, pos, line = [], 0, 1
    while True:
        match = _START.search(source, pos)
        if match is None:
            if pos < len(source):
                segments.append(Segment("text", source[pos:], line))
            return segments
        if match.start() > pos:
            segments.append(Segment("text", source[pos:match.start()], line))
            line += source.count("\n", pos, match.start())
        start, opener = match.start(), match.group()
        if opener == "{#":
            end = source.find("#}", start + 2)
            if end < 0:
                raise ExpressionError(f"Unclosed comment at line {line}")
            segment, pos = Segment("comment", source[start:end + 2], line), end + 2
        elif opener == "{%" and (raw := _RAW_START.match(source, start)):
            end = _RAW_END[raw.group(1)].search(source, raw.end())
            if end is None:
                raise ExpressionError(f"Unclosed {{% {raw.group(1)} %}} at line {line}")
            segment, pos = Segment("raw", source[raw.end():end.start()], line), end.end()
        else:
            segment, pos = _tag(source, start, "print" if opener == "{{" else "exec", line)
        segments.append(segment)
        line += source.count("\n", start, pos)


def _tag(source: str, start: int, kind: str, line: int) -> tuple[Segment, int]:
    closer = "}}" if kind == "print" else "%}"
    pos = start + 2
    trim_left = source.startswith("-", pos)
    if trim_left:
        pos += 1
    tokens, brackets, token_line = [], [], line
    while True:
        skipped = _skip_space(source, pos)
        token_line += source.count("\n", pos, skipped)
        pos = skipped
        if pos >= len(source):
            raise ExpressionError(f"Unclosed tag '{source[start:start + 2]}' at line {line}")
        if not brackets:
            if source.startswith("-" + closer, pos):
                end, trim_right = pos + 3, True
                break
            if source.startswith(closer, pos):
                end, trim_right = pos + 2, False
                break
        token, end = next_token(source, pos, token_line)
        token_line += source.count("\n", pos, end)
        pos = end
        if token.kind == "punct" and token.value in _OPEN:
            brackets.append(_OPEN[token.value])
        elif token.kind == "punct" and token.value in ")]}":
            expected = brackets.pop() if brackets else None
            if expected != token.value:
                raise ExpressionError(f"Unexpected '{token.value}' at line {token.line}")
        tokens.append(token)
    return Segment(kind, source[start:end], line, tokens, trim_left, trim_right), end


def _skip_space(source: str, pos: int) -> int:
    while pos < len(source) and source[pos].isspace():
        pos += 1
    return pos


def next_token(source: str, pos: int, line: int) -> tuple[Token, int]:
    match = _OPERATOR.match(source, pos)
    if match:
        return Token("op", match.group(), line), match.end()
    match = _NAME.match(source, pos)
    if match:
        return Token("name", match.group(), line), match.end()
    match = _LONG.match(source, pos)
    if match:
        return Token("long", match.group()[:-1], line), match.end()
    match = _NUMBER.match(source, pos)
    if match:
        return Token("number", match.group(), line), match.end()
    char = source[pos]
    if char in _PUNCTUATION:
        return Token("punct", char, line), pos + 1
    if char == "'":
        match = _SINGLE_QUOTED.match(source, pos)
        if match is None:
            raise ExpressionError(f"Unclosed string at line {line}")
        return Token("string", [match.group(1).replace("\\'", "'")], line), match.end()
    if char == '"':
        return _double_quoted(source, pos, line)
    raise ExpressionError(f"Unexpected character [{char}] at line {line}")


def _double_quoted(source: str, pos: int, line: int) -> tuple[Token, int]:
    """A double-quoted string; `#{expr}` inside it is Pebble's string interpolation."""
    parts, text, pos = [], [], pos + 1
    while True:
        if pos >= len(source):
            raise ExpressionError(f"Unclosed string at line {line}")
        char = source[pos]
        if char == "\\" and pos + 1 < len(source):
            # Pebble only unescapes the quote itself; other backslashes stay as written
            text.append('"' if source[pos + 1] == '"' else source[pos:pos + 2])
            pos += 2
        elif char == '"':
            parts.append("".join(text))
            return Token("string", parts, line), pos + 1
        elif source.startswith("#{", pos):
            parts.append("".join(text))
            text = []
            inner, depth, pos = [], 0, pos + 2
            while True:
                pos = _skip_space(source, pos)
                if pos >= len(source):
                    raise ExpressionError(f"Unclosed string interpolation at line {line}")
                if source[pos] == "}" and depth == 0:
                    pos += 1
                    break
                token, pos = next_token(source, pos, line)
                if token.kind == "punct" and token.value in _OPEN:
                    depth += 1
                elif token.kind == "punct" and token.value in ")]}":
                    depth -= 1
                inner.append(token)
            parts.append(inner)
        else:
            text.append(char)
            pos += 1
