"""Checking a flow's `inputs` declarations, normalised to Kestra's current names."""
from __future__ import annotations

from .errors import SpecError
from .yaml_lines import line_of

TYPES = {"STRING", "ENUM", "SELECT", "MULTISELECT", "INT", "FLOAT", "BOOLEAN", "BOOL", "DATETIME", "DATE", "TIME",
         "DURATION", "FILE", "JSON", "URI", "SECRET", "ARRAY", "YAML", "EMAIL"}
KEYS = {"id", "name", "type", "description", "displayName", "required", "defaults", "values", "validator", "min",
        "max", "after", "before", "allowCustomValue", "dependsOn", "itemType", "prefill", "expression", "extension",
        "isRadio", "autoSelectFirst", "minLength", "maxLength", "allowedFileExtensions"}
INPUT_ID = __import__("re").compile(r"^[a-zA-Z0-9][.a-zA-Z0-9_-]*$")


def normalise_inputs(inputs) -> tuple[list[dict], list[SpecError]]:
    if inputs is None:
        return [], []
    if not isinstance(inputs, list):
        return [], [SpecError("inputs", "must be a list", getattr(inputs, "line", None))]
    normalised, errors, seen = [], [], set()
    for index, item in enumerate(inputs):
        path, line = f"inputs[{index}]", line_of(inputs, index)
        if not isinstance(item, dict):
            errors.append(SpecError(path, "an input must be a mapping with `id` and `type`", line))
            continue
        item = dict(item)
        if "name" in item and "id" not in item:  # the older name of `id`
            item["id"] = item.pop("name")
        input_id = item.get("id")
        if not isinstance(input_id, str) or not INPUT_ID.match(input_id):
            errors.append(SpecError(f"{path}.id", f"invalid input id {input_id!r}", line))
            continue
        kind = str(item.get("type", "")).upper()
        if kind not in TYPES:
            errors.append(SpecError(f"{path}.type", f"input '{input_id}': unknown type {item.get('type')!r}", line))
            continue
        item["type"] = "BOOLEAN" if kind == "BOOL" else kind
        if item["type"] in ("ENUM", "SELECT", "MULTISELECT") and not isinstance(item.get("values"), list):
            errors.append(SpecError(f"{path}.values", f"input '{input_id}': a list of values is required", line))
        for key in item:
            if key not in KEYS:
                errors.append(SpecError(f"{path}.{key}", f"input '{input_id}': unknown property", line))
        if input_id in seen:
            errors.append(SpecError(f"{path}.id", f"duplicate input id '{input_id}'", line))
        seen.add(input_id)
        item.setdefault("required", True)
        normalised.append(item)
    return normalised, errors
