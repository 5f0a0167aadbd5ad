"""An execution's labels, Kestra's list of {key, value}, read as a map; and the
correlation id every execution carries among them (plugins.api.labels). Outside the
engine, so the API and the pages may read them too."""
from __future__ import annotations

from plugins.api.labels import CORRELATION_LABEL


def labels_map(labels) -> dict:
    if isinstance(labels, dict):
        return dict(labels)
    return {item["key"]: item["value"] for item in labels or [] if "key" in item}


def correlation_of(execution) -> str | None:
    """The id of the execution that started the chain `execution` is part of."""
    return labels_map(execution.labels).get(CORRELATION_LABEL)
