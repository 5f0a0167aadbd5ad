"""The label filter of the executions and flows lists: one text field holding several
`key:value` labels, where a value may hold spaces (`team:data eng env:prod` is two
labels). A word with a colon starts a label; a word without one belongs to the value
before it. A value whose words have colons of their own is written in double quotes
(`note:"at 10:30"`), as labels_text writes it back."""
from __future__ import annotations

import re

from django.http import QueryDict

PARAM = "labels"
# a word: runs of characters other than spaces and quotes, or "quoted text" (spaces and all)
WORD = re.compile(r'(?:[^\s"]+|"[^"]*")+')
QUOTE = '"'


def _has_key(word: str) -> bool:
    """Whether a word starts a label: a colon before any quote."""
    return ":" in word.split(QUOTE, 1)[0]


def parse_labels(text: str) -> list[str]:
    """`key:value` items of the field's text, quotes removed. A word before any label
    (no colon) is kept alone, so the search reports it as not key:value."""
    labels: list[str] = []
    for word in WORD.findall(text):
        if labels and ":" in labels[-1] and not _has_key(word):
            labels[-1] += " " + word.replace(QUOTE, "")
        else:
            labels.append(word.replace(QUOTE, ""))
    return labels


def as_text(label: str) -> str:
    """A label as the field shows it: quoted when its value would not read back whole."""
    key, _, value = label.partition(":")
    return label if parse_labels(label) == [label] else f'{key}:"{value}"'


def split_labels(params: QueryDict) -> QueryDict:
    """`labels` as the form sends it (one field, `k:v k2:v2 with space`) as repeated
    parameters, one label each, as the API's search takes them."""
    values = [label for raw in params.getlist(PARAM) for label in parse_labels(raw)]
    if values == params.getlist(PARAM):
        return params
    params = params.copy()
    params.setlist(PARAM, values)
    return params


def labels_text(params: QueryDict) -> str:
    """The field's text back from the repeated parameters."""
    return " ".join(as_text(label) for label in params.getlist(PARAM))
