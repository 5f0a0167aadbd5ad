"""A flow's labels: a map `{team: data}` or, as Kestra writes them today, a list of
`{key, value}`; both become a list of {key, value} string pairs. Keys starting with
`system.` are Kestra's own (only `system.readOnly` may be set by a flow)."""
from __future__ import annotations

from plugins.api.labels import SYSTEM_PREFIX

from .errors import SpecError
from .input_values import as_text
from .strict import unknown_keys
from .yaml_lines import line_of

LABEL_KEYS = ("key", "value")

SETTABLE_SYSTEM_LABELS = (f"{SYSTEM_PREFIX}readOnly",)


def normalise_labels(data: dict) -> tuple[list[dict], list[SpecError]]:
    labels = data.get("labels")
    if labels is None:
        return [], []
    if isinstance(labels, dict):
        pairs = [(key, value, f"labels.{key}", line_of(labels, key)) for key, value in labels.items()]
    elif isinstance(labels, list):
        pairs, errors = [], []
        for index, item in enumerate(labels):
            path, line = f"labels[{index}]", line_of(labels, index)
            if not isinstance(item, dict) or item.get("key") is None:
                errors.append(SpecError(path, "a label must be a map with a key and a value", line))
                continue
            errors += unknown_keys(item, LABEL_KEYS, path)
            pairs.append((item["key"], item.get("value"), path, line))
        if errors:
            return [], errors
    else:
        return [], [SpecError("labels", "must be a map or a list of {key, value}", line_of(data, "labels"))]
    normalised, errors = [], []
    for key, value, path, line in pairs:
        key = as_text(key)
        if value is None or isinstance(value, (dict, list)):
            errors.append(SpecError(path, f"label '{key}' needs a text value", line))
        elif key.startswith(SYSTEM_PREFIX) and key not in SETTABLE_SYSTEM_LABELS:
            errors.append(SpecError(path, f"system labels can only be set by Kestra itself: {key}", line))
        else:
            normalised.append({"key": key, "value": as_text(value)})
    return normalised, errors
