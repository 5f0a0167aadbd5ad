"""Text every database can store. PostgreSQL refuses a NUL character in text and in
jsonb (`\\u0000`), and no database takes a lone UTF-16 surrogate (`\\ud800`, which a
JSON or YAML escape can produce but UTF-8 cannot encode); SQLite took both silently
or failed with a 500. Input is checked with these where it enters (the API's
parsers, a flow's YAML) so the answer is a 4xx naming the value, on every database."""
from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored, or None."""
    if "\x00" in text:
        return "contains a NUL character (\\u0000), which cannot be stored"
    if _SURROGATE.search(text):
        return "contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not valid Unicode"
    return None


def storable_text(text: str) -> str:
    """`text` with each character text_problem refuses made U+FFFD: for text a run
    produces (a script's output as log lines), which no sender can be asked to fix."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return _SURROGATE.sub("\ufffd", text)


def first_unstorable(data, pointer: str = "") -> tuple[str, str] | None:
    """(where, why) of the first key or text in nested dicts and lists that cannot be
    stored, `where` a dotted path (`labels.0.value`); None when all can. Walked without
    recursion: a body nested as deep as the JSON reader allows must not overflow here."""
    pending = [(data, pointer)]
    while pending:
        item, where = pending.pop()
        if isinstance(item, str):
            if problem := text_problem(item):
                return where, problem
        elif isinstance(item, dict):
            for key in item:
                if isinstance(key, str) and (problem := text_problem(key)):
                    return where, f"a key {problem}"
            pending.extend((value, f"{where}.{key}" if where else str(key)) for key, value in reversed(item.items()))
        elif isinstance(item, (list, tuple)):
            pending.extend((child, f"{where}.{index}" if where else str(index))
                           for index, child in reversed(list(enumerate(item))))
    return None
