"""Flow-level outputs: rendered when the execution ends, converted to their type."""
from __future__ import annotations

import json


def _convert(kind: str, rendered):
    kind = (kind or "STRING").upper()
    if not isinstance(rendered, str):
        return rendered
    if kind == "INT":
        return int(rendered)
    if kind == "FLOAT":
        return float(rendered)
    if kind in ("BOOLEAN", "BOOL"):
        return rendered.strip().lower() == "true"
    if kind in ("JSON", "ARRAY"):
        return json.loads(rendered)
    return rendered


def render_flow_outputs(declared: list[dict], ctx) -> dict:
    outputs = {}
    for output in declared:
        try:
            outputs[output["id"]] = _convert(output.get("type"), ctx.render(output.get("value")))
        except ValueError as exc:
            raise ValueError(f"output '{output['id']}': {exc}") from exc
    return outputs
