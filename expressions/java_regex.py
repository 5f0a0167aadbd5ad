"""Java regular expressions, the one place a user's pattern is compiled and run: the
`matches`, `replaceAll`, `split` methods, the `split`, `replace(regexp=true)` and regex
filters, and the input `validator`s of the flow spec.

Patterns run on the `regex` module, whose syntax is closer to Java's than `re`'s (named
groups `(?<name>...)`, possessive quantifiers, atomic groups) and which can stop a
match after a timeout: a catastrophic pattern such as `(a|aa)+$` ends with a
LimitExceeded naming KESTRAWEB_REGEX_TIMEOUT instead of freezing the process (and
while it runs, other threads do: `concurrent=True` lets go of the interpreter). Java's
replacement strings (`$1`, `${name}`) and String.split's rules are translated here."""
from __future__ import annotations

from functools import lru_cache

import regex as regexlib

from .budget import current
from .errors import ExpressionError

# Java's POSIX classes are US-ASCII only, where the regex module's are Unicode ones.
_POSIX_CLASSES = {
    "\\p{Alpha}": "[A-Za-z]", "\\p{Digit}": "[0-9]", "\\p{Alnum}": "[A-Za-z0-9]", "\\p{Upper}": "[A-Z]",
    "\\p{Lower}": "[a-z]", "\\p{Punct}": "[!-/:-@\\[-`{-~]", "\\p{Space}": "[ \\t\\n\\x0B\\f\\r]",
    "\\p{XDigit}": "[0-9a-fA-F]",
}


class InvalidPattern(ExpressionError):
    """A pattern that does not compile; `reason` is the compiler's own words."""

    def __init__(self, regex: str, reason: str):
        self.reason = reason
        super().__init__(f"Invalid regular expression '{regex}': {reason}")


@lru_cache(maxsize=512)
def pattern(regex: str) -> regexlib.Pattern:
    """A Java pattern compiled once; run it through the functions below, which bound it."""
    translated = regex
    for java, ascii_class in _POSIX_CLASSES.items():
        translated = translated.replace(java, ascii_class)
    try:
        return regexlib.compile(translated)
    except regexlib.error as exc:
        raise InvalidPattern(regex, str(exc)) from None


def search(regex: str, text: str):
    """The first match anywhere in `text`, or None (Java's Matcher.find)."""
    budget = current()
    try:
        return pattern(regex).search(text, timeout=budget.regex_timeout(), concurrent=True)
    except TimeoutError:
        raise budget.regex_timed_out(regex) from None


def matches(regex: str, text: str) -> bool:
    """Whether the whole of `text` matches (Java's String.matches and Pattern.matches)."""
    budget = current()
    try:
        return pattern(regex).fullmatch(text, timeout=budget.regex_timeout(), concurrent=True) is not None
    except TimeoutError:
        raise budget.regex_timed_out(regex) from None


def replace(regex: str, java_replacement: str, text: str, count: int = 0) -> str:
    """Java's replaceAll (replaceFirst with count=1), the result held to the size limit:
    when the worst case could pass it, each replacement is counted as it is made."""
    budget = current()
    compiled, template = pattern(regex), replacement(java_replacement)
    most_matches = count or len(text) + 1
    worst_each = len(template) + template.count("\\g<") * len(text)
    try:
        if most_matches * worst_each + len(text) <= budget.limits.max_output:
            return compiled.sub(template, text, count=count, timeout=budget.regex_timeout(), concurrent=True)
        size = len(text)

        def expand(match):
            nonlocal size
            replaced = match.expand(template)
            size += len(replaced) - (match.end() - match.start())
            budget.check_size(size)
            return replaced

        return compiled.sub(expand, text, count=count, timeout=budget.regex_timeout(), concurrent=True)
    except TimeoutError:
        raise budget.regex_timed_out(regex) from None
    except (regexlib.error, IndexError) as exc:  # a group the pattern does not have
        raise ExpressionError(f"Invalid replacement '{java_replacement}' for '{regex}': {exc}") from None


@lru_cache(maxsize=512)
def replacement(text: str) -> str:
    """A Java replacement string (`$1`, `${name}`, `\\$`) as a Python one."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1].replace("\\", "\\\\"))
            i += 2
        elif char == "$" and i + 1 < len(text) and text[i + 1] == "{":
            end = text.index("}", i)
            out.append(f"\\g<{text[i + 2:end]}>")
            i = end + 1
        elif char == "$" and i + 1 < len(text) and text[i + 1].isdigit():
            j = i + 1
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(f"\\g<{text[i + 1:j]}>")
            i = j
        else:
            out.append("\\\\" if char == "\\" else char)
            i += 1
    return "".join(out)


def java_split(text: str, regex: str, limit: int = 0) -> list[str]:
    """Java's String.split(regex, limit)."""
    budget = current()
    parts, start = [], 0
    try:
        for match in pattern(regex).finditer(text, timeout=budget.regex_timeout(), concurrent=True):
            if limit > 0 and len(parts) == limit - 1:
                break
            if match.end() == 0:  # a zero-width match at the start never gives a leading ""
                continue
            if match.start() == match.end() and match.start() >= len(text):
                break
            parts.append(text[start:match.start()])
            start = match.end()
    except TimeoutError:
        raise budget.regex_timed_out(regex) from None
    if not parts:
        return [text]
    parts.append(text[start:])
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
    return parts
