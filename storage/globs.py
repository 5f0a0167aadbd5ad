"""Glob patterns as Java's `PathMatcher` reads them (`glob:` syntax), which Kestra uses
for file selections (`outputFiles`, `namespaceFiles.include`/`exclude`, a cache's
`patterns`).

`**` crosses folders, `*` and `?` stay within one, `[abc]`/`[!a-c]` is a character
class (never matching `/`), `{a,b}` an alternation (not nested), `\\` makes the next
character literal; anything else is literal. `**/` also matches no folder at all.

A glob is a user's pattern run over every file name: a backtracking regex engine takes
time exponential in its stars (`*a*a*a*a*a*a*b` against a long name). So a glob is
compiled to a small automaton and matched by following all its states at once, one
character at a time: the time is at most the name's length times the pattern's, never
more, and needs no time limit."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


class BadGlob(ValueError):
    """A pattern that cannot be read (an unclosed `[` or `{`, a nested `{`)."""


# Instructions of the automaton, each a tuple whose first item is its kind:
#   (STEP, test)    consume one character for which test(char) is true, go on to the next
#   (SPLIT, a, b)   go on at both a and b without consuming anything
#   (JUMP, a)       go on at a
#   (MATCH,)        the whole pattern matched
STEP, SPLIT, JUMP, MATCH = "step", "split", "jump", "match"


@dataclass(frozen=True)
class Glob:
    pattern: str
    program: tuple[Any, ...]

    def matches(self, path: str) -> bool:
        """Whether the whole of `path` matches."""
        states = self._closure({0})
        for char in path:
            if not states:
                return False
            states = self._closure({at + 1 for at in states
                                    if self.program[at][0] == STEP and self.program[at][1](char)})
        return any(self.program[at][0] == MATCH for at in states)

    def _closure(self, starts: set[int]) -> set[int]:
        """The states reachable from `starts` without consuming a character; only the
        ones that consume one (or match) are kept."""
        seen, pending, kept = set(), list(starts), set()
        while pending:
            at = pending.pop()
            if at in seen:
                continue
            seen.add(at)
            instruction = self.program[at]
            if instruction[0] == SPLIT:
                pending += [instruction[1], instruction[2]]
            elif instruction[0] == JUMP:
                pending.append(instruction[1])
            else:
                kept.add(at)
        return kept


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> Glob:
    """The glob's automaton, compiled once; BadGlob when it cannot be read."""
    program: list[Any] = []
    end = _compile(pattern, 0, program, in_group=False)
    if end != len(pattern):  # a `,` or `}` outside a group is literal, so this cannot happen
        raise BadGlob(f"cannot read the glob {pattern!r} past column {end}")
    program.append((MATCH,))
    return Glob(pattern, tuple(program))


def _not_slash(char: str) -> bool:
    return char != "/"


def _any(char: str) -> bool:
    return True


def _literal(expected: str) -> Callable[[str], bool]:
    return lambda char: char == expected


def _repeat(program: list[Any], test: Callable[[str], bool]) -> None:
    """Zero or more characters passing `test`."""
    loop = len(program)
    program.append(None)  # the SPLIT, once the end is known
    program.append((STEP, test))
    program.append((JUMP, loop))
    program[loop] = (SPLIT, loop + 1, len(program))


def _compile(pattern: str, i: int, program: list[Any], in_group: bool) -> int:
    """Append the instructions of `pattern` from `i` up to its end (or, in a group, the
    next `,` or `}`); the index where it stopped."""
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):  # any folders, or none
            skip = len(program)
            program.append(None)
            _repeat(program, _any)
            program.append((STEP, _literal("/")))
            program[skip] = (SPLIT, skip + 1, len(program))
            i += 3
        elif pattern.startswith("**", i):
            _repeat(program, _any)
            i += 2
        elif char == "*":
            _repeat(program, _not_slash)
            i += 1
        elif char == "?":
            program.append((STEP, _not_slash))
            i += 1
        elif char == "[":
            test, i = _bracket(pattern, i)
            program.append((STEP, test))
        elif char == "{":
            if in_group:
                raise BadGlob(f"nested '{{' in the glob {pattern!r}")
            i = _group(pattern, i + 1, program)
        elif in_group and char in ",}":
            return i
        elif char == "\\":
            if i + 1 >= len(pattern):
                raise BadGlob(f"nothing to escape at the end of the glob {pattern!r}")
            program.append((STEP, _literal(pattern[i + 1])))
            i += 2
        else:
            program.append((STEP, _literal(char)))
            i += 1
    return i


def _group(pattern: str, i: int, program: list[Any]) -> int:
    """`{a,b,...}` from just after its `{`: each option, tried all at once."""
    jumps_to_end = []
    while True:
        split = len(program)
        program.append(None)  # SPLIT between this option and the next ones
        i = _compile(pattern, i, program, in_group=True)
        if i >= len(pattern):
            raise BadGlob(f"unclosed '{{' in the glob {pattern!r}")
        jumps_to_end.append(len(program))
        program.append(None)
        if pattern[i] == "}":
            program[split] = (JUMP, split + 1)  # the last option: no other to try
            for at in jumps_to_end:
                program[at] = (JUMP, len(program))
            return i + 1
        program[split] = (SPLIT, split + 1, len(program))
        i += 1  # past the comma


def _bracket(pattern: str, i: int) -> tuple[Callable[[str], bool], int]:
    """(test, index after it) of the class `[...]` starting at `i`; a `]` right after
    `[` or `[!` is one of its characters."""
    start = i + 1
    negate = pattern.startswith("!", start)
    first = start + 1 if negate else start
    end = pattern.find("]", first + 1)
    if end < 0:
        raise BadGlob(f"unclosed '[' in the glob {pattern!r}")
    body, ranges, j = pattern[first:end], [], 0
    while j < len(body):
        low = body[j]
        if j + 2 < len(body) and body[j + 1] == "-":
            ranges.append((low, body[j + 2]))
            j += 3
        else:
            ranges.append((low, low))
            j += 1

    def test(char: str) -> bool:
        if char == "/":
            return False
        return any(low <= char <= high for low, high in ranges) != negate

    return test, end + 1
