"""Kestra's regular expressions (input `validator`s) are Java's. They are translated and
run by expressions.java_regex, the one place a user's pattern is compiled, with its
time bound (KESTRAWEB_REGEX_TIMEOUT, from the budget the engine opens); here in the
shape the input checks use. Java's `Pattern.matches` matches the whole value."""
from __future__ import annotations

from expressions import LimitExceeded, java_regex

from .input_values import BadValue


def matches(pattern: str, value: str) -> bool:
    """A pattern that runs past its time bound is a bad value, with the limit named."""
    try:
        return java_regex.matches(pattern, value)
    except LimitExceeded as exc:
        raise BadValue(str(exc)) from None
