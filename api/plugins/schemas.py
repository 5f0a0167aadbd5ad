"""The JSON schemas the plugins API serves, built once per process: the plugin types
are registered at import and never change while it runs."""
from __future__ import annotations

from functools import lru_cache

from flows.flow_schema import flow_definition, flow_document, input_definition
from plugins.api.json_schema import kind_document, object_schema
from plugins.api.properties import COMMON_TASK_PROPERTIES, COMMON_TRIGGER_PROPERTIES

KINDS = ("task", "trigger", "condition")
# Kestra's SchemaType values this server has a schema for.
SCHEMA_TYPES = ("flow", "template", *KINDS)


@lru_cache(maxsize=16)
def document(schema_type: str, array_of: bool) -> dict:
    if schema_type in ("flow", "template"):
        return flow_document(array_of)
    return kind_document(schema_type, array_of, {"input": input_definition()})


def properties(schema_type: str) -> dict:
    """The properties part of a type's schema (Kestra's getPropertiesFromType)."""
    if schema_type in ("flow", "template"):
        return flow_definition()
    if schema_type == "trigger":
        return object_schema(COMMON_TRIGGER_PROPERTIES)
    return object_schema(COMMON_TASK_PROPERTIES)
