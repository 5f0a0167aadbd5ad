"""Tokenizing a Pebble expression: strings stay whole, so operators inside quotes are
never rewritten."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ExpressionError

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<number>\d+(?:\.\d+(?!\.))?(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\?\?\?|\?\?|\.\.|==|!=|<=|>=|//|\*\*|[-+*/%~|.,:?()\[\]{}<>=!])
""", re.VERBOSE)
OPEN, CLOSE = "([{", ")]}"


@dataclass(frozen=True)
class Token:
    kind: str  # ws, string, number, name, op
    text: str


def tokenize(source: str) -> list[Token]:
    tokens, pos = [], 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            raise ExpressionError(f"Unexpected character {source[pos]!r} in expression {source.strip()!r}")
        tokens.append(Token(match.lastgroup, match.group()))
        pos = match.end()
    return tokens
