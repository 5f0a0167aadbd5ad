"""Several flows in one text, separated by `---` lines, as Kestra's validate, bulk and
namespace-update endpoints read them (FlowController splits on `\\n+---\\n*`): a
leading `---` starts the first document rather than making an empty one."""
from __future__ import annotations

import re

_SEPARATOR = re.compile(r"\n+---[ \t]*(?:\n|$)")


def split_documents(text: str) -> list[str]:
    """The documents of `text`, each as written (blank ones dropped)."""
    return [doc for doc in _SEPARATOR.split(text) if doc.strip() and doc.strip() != "---"]
