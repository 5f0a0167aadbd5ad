"""Text search in flow sources (Kestra's `GET /flows/source`): every matching line
with its column and the line itself, optionally only inside one top-level section
(`tasks`, `triggers`, `inputs`) of the YAML."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.spec import FlowInvalid
from flows.spec.yaml_lines import load

SECTIONS = {"ALL": None, "TASKS": "tasks", "TRIGGERS": "triggers", "INPUTS": "inputs"}


class BadPattern(ValueError):
    """A `regex` search whose pattern does not compile."""


@dataclass(frozen=True)
class Match:
    line: int
    column: int
    snippet: str


def compile_query(query: str, case_sensitive: bool, whole_word: bool, regex: bool) -> re.Pattern:
    text = query if regex else re.escape(query)
    if whole_word:
        text = rf"\b(?:{text})\b"
    try:
        return re.compile(text, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise BadPattern(f"invalid regular expression {query!r}: {exc}") from None


def _section_lines(source: str, key: str) -> range | None:
    """The 1-based lines of a top-level section, up to the next top-level key."""
    try:
        data = load(source)
    except FlowInvalid:
        return None
    if not isinstance(data, dict) or key not in data:
        return None
    starts = sorted(data.key_lines.values())
    start = data.key_lines[key]
    following = [line for line in starts if line > start]
    return range(start, following[0] if following else source.count("\n") + 2)


def find_matches(source: str, pattern: re.Pattern, scope: str = "ALL") -> list[Match]:
    key = SECTIONS[scope]
    lines = _section_lines(source, key) if key else None
    if key and lines is None:
        return []
    found = []
    for number, text in enumerate(source.splitlines(), start=1):
        if lines is not None and number not in lines:
            continue
        hit = pattern.search(text)
        if hit:
            found.append(Match(number, hit.start() + 1, text))
    return found
