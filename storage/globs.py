"""Glob patterns as Java's `PathMatcher` reads them (`glob:` syntax), which Kestra uses
for file selections (`outputFiles`, `namespaceFiles.include`/`exclude`).

`**` crosses folders, `*` and `?` stay within one, `[abc]`/`[!abc]` is a character
class and `{a,b}` an alternation; anything else is literal."""
from __future__ import annotations

import re


class BadGlob(ValueError):
    """A pattern that cannot be read (an unclosed `[` or `{`)."""


def glob_to_regex(pattern: str) -> re.Pattern:
    return re.compile(_translate(pattern, in_group=False)[0] + r"\Z")


def _translate(pattern: str, in_group: bool, start: int = 0) -> tuple[str, int]:
    out, i = [], start
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                raise BadGlob(f"unclosed '[' in the glob {pattern!r}")
            body = pattern[i + 1:end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\").replace("^", "\\^") + "]")
            i = end + 1
        elif char == "{" and not in_group:
            options, i = [], i + 1
            while True:
                option, i = _translate(pattern, in_group=True, start=i)
                options.append(option)
                if i >= len(pattern):
                    raise BadGlob(f"unclosed '{{' in the glob {pattern!r}")
                if pattern[i] == "}":
                    i += 1
                    break
                i += 1  # a comma
            out.append("(?:" + "|".join(options) + ")")
        elif in_group and char in ",}":
            return "".join(out), i
        else:
            out.append(re.escape(char))
            i += 1
    return "".join(out), i
