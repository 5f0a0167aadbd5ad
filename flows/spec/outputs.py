"""A flow's outputs: `{id, type, value}` each, rendered when the execution ends.
Ids are unique and may contain dots; the type is one of the input types."""
from __future__ import annotations

from .errors import SpecError
from .ids import OUTPUT_ID, listed_id_errors
from .input_types import TYPES, normalise_type
from .yaml_lines import line_of

KEYS = ("id", "type", "value", "description", "displayName", "required")


def check_outputs(data: dict) -> tuple[list, list[SpecError]]:
    outputs = data.get("outputs")
    if outputs is None:
        return [], []
    if not isinstance(outputs, list):
        return [], [SpecError("outputs", "must be a list of {id, type, value}", line_of(data, "outputs"))]
    errors, seen, normalised = [], {}, []
    for index, output in enumerate(outputs):
        path, line = f"outputs[{index}]", line_of(outputs, index)
        if not isinstance(output, dict):
            errors.append(SpecError(path, "an output must be a map with an id, a type and a value", line))
            continue
        output_id = output.get("id")
        named = f" (output '{output_id}')" if isinstance(output_id, str) else ""
        errors += listed_id_errors(output, path, line, OUTPUT_ID, "output", seen)
        for key in output:
            if key not in KEYS:
                errors.append(SpecError(f"{path}.{key}", f"unknown property '{key}'{named}", line_of(output, key)))
        if output.get("type") is None:
            errors.append(SpecError(f"{path}.type", f"required property missing ({', '.join(TYPES)}){named}", line))
        elif normalise_type(output["type"]) is None:
            errors.append(SpecError(f"{path}.type", f"unknown type {output['type']!r}{named}", line_of(output, "type")))
        if output.get("value") is None:
            errors.append(SpecError(f"{path}.value", f"required property missing{named}", line))
        normalised.append({**output, "type": normalise_type(output.get("type")) or output.get("type")})
    return normalised, errors
