"""The JSON Schema of a whole flow (Kestra's `GET /api/v1/plugins/schemas/flow`, which
its editor uses for completion), and of each input type: the flow's own keys as
flows.spec.top_level knows them, with tasks, triggers and conditions from the plugin
types' declared properties (plugins.api.json_schema)."""
from __future__ import annotations

from plugins.api.json_schema import DRAFT, definitions, object_schema, property_schema, ref

from .spec.flow_properties import DECLARED
from .spec.input_properties import input_properties
from .spec.input_types import LEGACY_TYPES, TYPES

FLOW = "io.kestra.core.models.flows.Flow"
TEXT = {"type": "string"}
TASKS = {"type": "array", "items": ref("task")}
LABELS = {"anyOf": [{"type": "object", "additionalProperties": {"type": "string"}},
                    {"type": "array", "items": {"type": "object", "required": ["key", "value"],
                                                "properties": {"key": TEXT, "value": TEXT}}}]}
PLUGIN_DEFAULTS = {"type": "array", "items": {"type": "object", "required": ["type", "values"], "properties": {
    "type": TEXT, "forced": {"type": "boolean"}, "values": {"type": "object"}}}}


def input_class(input_type: str) -> str:
    """Kestra's class of an input type (STRING -> ...flows.input.StringInput)."""
    return f"io.kestra.core.models.flows.input.{input_type.title().replace('_', '')}Input"


def input_definition(input_type: str | None = None) -> dict:
    """An input declaration of one type (its declared properties, `type` a const of its
    names), or of any type: one of them."""
    if input_type is None:
        return {"title": "Any input", "anyOf": [input_definition(name) for name in TYPES]}
    declared = input_properties(input_type)
    schema = object_schema(declared)
    names = [input_type, *(old for old, new in LEGACY_TYPES.items() if new == input_type)]
    schema["properties"]["type"] = {"type": "string", "enum": names}
    schema["required"] = ["type"]  # `id`, or `name` before 0.15
    return {"title": f"{input_type} input", **schema}


def flow_definition() -> dict:
    properties = {
        "id": {**TEXT, "pattern": r"^[a-zA-Z0-9][a-zA-Z0-9._-]*$"}, "namespace": TEXT, "tenantId": TEXT,
        "revision": {"type": "integer", "minimum": 1}, "description": TEXT,
        "inputs": {"type": "array", "items": ref("input")}, "variables": {"type": "object"},
        "tasks": {**TASKS, "minItems": 1}, "errors": TASKS, "finally": TASKS, "afterExecution": TASKS,
        "listeners": {"type": "array", "items": {"type": "object", "properties": {
            "description": TEXT, "conditions": {"type": "array", "items": ref("condition")}, "tasks": TASKS}}},
        "triggers": {"type": "array", "items": ref("trigger")},
        "outputs": {"type": "array", "items": {"type": "object", "required": ["id", "value"], "properties": {
            "id": TEXT, "type": TEXT, "value": {}, "description": TEXT, "required": {"type": "boolean"}}}},
        "labels": LABELS, "pluginDefaults": PLUGIN_DEFAULTS, "taskDefaults": PLUGIN_DEFAULTS,
        "disabled": {"type": "boolean"}, "deleted": {"type": "boolean"},
        "sla": {"type": "array"}, "checks": {"type": "array"},
        **{name: property_schema(prop) for name, prop in DECLARED.items()},
    }
    return {"type": "object", "title": "Flow", "properties": properties, "required": ["id", "namespace", "tasks"],
            "additionalProperties": False}


def flow_document(array_of: bool = False) -> dict:
    defs = {**definitions("task", "trigger", "condition"), "input": input_definition(), FLOW: flow_definition()}
    root = {"type": "array", "items": ref(FLOW)} if array_of else ref(FLOW)
    return {"$schema": DRAFT, **root, "definitions": defs}
