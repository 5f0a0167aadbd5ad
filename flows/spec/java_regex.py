"""Kestra's regular expressions (input `validator`s) are Java's; the common subset runs
as is in Python once Java's named groups `(?<name>...)` are spelled `(?P<name>...)`.
Java's `Pattern.matches` matches the whole value, hence `fullmatch`."""
from __future__ import annotations

import re
from functools import lru_cache

_NAMED_GROUP = re.compile(r"(?<!\\)\(\?<(?=[A-Za-z])")


@lru_cache(maxsize=512)
def compile_java(pattern: str) -> re.Pattern:
    """Raises re.error for a pattern Python cannot run."""
    return re.compile(_NAMED_GROUP.sub("(?P<", pattern))


def matches(pattern: str, value: str) -> bool:
    return compile_java(pattern).fullmatch(value) is not None
