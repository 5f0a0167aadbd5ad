"""Java regular expressions, as `split`, `replace(regexp=true)` and the regex filters
take them: compiled once, with Java's `$1` group references and String.split's rules
(trailing empty strings dropped unless a negative limit is given)."""
from __future__ import annotations

import re
from functools import lru_cache

from .errors import ExpressionError


@lru_cache(maxsize=512)
def pattern(regex: str) -> re.Pattern:
    try:
        # Java's possessive quantifiers and \p{...} classes are rare in flows; the rest is shared syntax
        return re.compile(regex.replace("\\p{Alpha}", "[A-Za-z]").replace("\\p{Digit}", "[0-9]")
                          .replace("\\p{Alnum}", "[A-Za-z0-9]").replace("\\p{Punct}", "[!-/:-@\\[-`{-~]"))
    except re.error as exc:
        raise ExpressionError(f"Invalid regular expression '{regex}': {exc}") from None


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
    parts, start = [], 0
    for match in pattern(regex).finditer(text):
        if limit > 0 and len(parts) == limit - 1:
            break
        if match.end() == 0:  # a zero-width match at the start never gives a leading ""
            continue
        if match.start() == match.end() and match.start() >= len(text):
            break
        parts.append(text[start:match.start()])
        start = match.end()
    if not parts:
        return [text]
    parts.append(text[start:])
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
    return parts
