"""JSON Schema (draft-07) of plugin types, from their declared properties: one
declaration gives validation, docs and the editor's completion (Kestra's
JsonSchemaGenerator).

- A property becomes its kind's schema with its description, default and bounds;
  `$dynamic` marks a property rendered at run time, and a dynamic property of a
  non-string kind also accepts an expression string (`"{{ inputs.n }}"`), as Kestra's
  schema of a `Property<Integer>` does.
- A type becomes an object of its properties (`type` a const of its names, legacy
  ones included), `required` listing its required ones; unknown keys are refused.
- Nested tasks, triggers and conditions are `$ref`s to `#/definitions/task` (any
  task type), `trigger` or `condition`; `definitions(...)` gives those, so a
  caller assembles a whole document (a type's page, or the flow schema) from them."""
from __future__ import annotations

from typing import Any

from .plugin_type import PluginType
from .properties import Output, Property
from .registry import all_types

DRAFT = "http://json-schema.org/draft-07/schema#"
EXPRESSION = {"type": "string", "pattern": r".*{{.*}}.*"}
STATES = ("CREATED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED", "KILLED",
          "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED", "BREAKPOINT")
# An input declaration as far as plugins know it; the flow schema gives the precise one.
ANY_INPUT = {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string"}},
             "required": ["type"]}
SCALARS = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "duration": {"type": "string", "format": "duration"},
    "any": {},
}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/definitions/{name}"}


def _items(prop: Property) -> dict[str, Any]:
    if prop.fields:
        return object_schema(prop.fields)
    if prop.items == "state":
        return {"type": "string", "enum": list(STATES)}
    if prop.items in ("condition", "input", "task", "trigger"):
        return ref(prop.items)
    return dict(SCALARS.get(prop.items or "any", {}))


def object_schema(fields: tuple[Property, ...]) -> dict[str, Any]:
    schema = {"type": "object", "properties": {field.name: property_schema(field) for field in fields},
              "additionalProperties": False}
    required = [field.name for field in fields if field.required]
    if required:
        schema["required"] = required
    return schema


def _kind(prop: Property) -> dict[str, Any]:
    if prop.kind == "enum":
        return {"type": "string", "enum": list(prop.values)}
    if prop.kind == "object":
        return object_schema(prop.fields) if prop.fields else {"type": "object", "additionalProperties": True}
    if prop.kind == "array":
        return {"type": "array", "items": _items(prop)}
    if prop.kind == "tasks":
        return {"type": "array", "items": ref("task")}
    if prop.kind == "task":
        return ref("task")
    return dict(SCALARS[prop.kind])


def property_schema(prop: Property) -> dict[str, Any]:
    """The schema of one declared property."""
    schema = _kind(prop)
    if prop.minimum is not None:
        schema["minimum"] = prop.minimum
    if prop.dynamic and schema.get("type") not in (None, "string"):
        schema = {"anyOf": [schema, dict(EXPRESSION)]}
    if prop.description:
        schema["title"] = prop.description.split(". ")[0].rstrip(".")
        schema["markdownDescription"] = prop.description
    if prop.default is not None:
        schema["default"] = prop.default
    schema["$dynamic"] = prop.dynamic
    if prop.aliases:
        schema["$aliases"] = list(prop.aliases)
    return schema


def output_schema(output: Output) -> dict[str, Any]:
    schema = dict(SCALARS.get(output.kind, {"type": output.kind}))
    if output.description:
        schema["title"] = output.description
    return schema


def properties_schema(cls: type[PluginType]) -> dict[str, Any]:
    """Kestra's `propertiesSchema` of a type: its properties, required ones, title and description."""
    declared = cls.declared()
    props = {name: property_schema(prop) for name, prop in declared.items()}
    props["type"] = {"type": "string", "enum": list(cls.names())}  # the current name first
    schema = {"type": "object", "title": cls.title or cls.type.rsplit(".", 1)[-1],
              "properties": props, "required": [name for name, prop in declared.items() if prop.required],
              "additionalProperties": False}
    if cls.description:
        schema["description"] = cls.description
    if cls.deprecated:
        schema["$deprecated"] = True
    if getattr(cls, "examples", ()):
        schema["$examples"] = [{"title": example.title, "code": example.code, "full": example.full}
                               for example in cls.examples]
    return schema


def outputs_schema(cls: type[PluginType]) -> dict[str, Any]:
    outputs = getattr(cls, "outputs", ())
    return {"type": "object", "properties": {output.name: output_schema(output) for output in outputs}}


def type_definitions(kind: str) -> dict[str, dict[str, Any]]:
    """Each visible type of a kind by its canonical name, and the kind's own `anyOf` of them."""
    types = {name: cls for name, cls in all_types(kind).items() if not getattr(cls, "internal", False)}
    found = {name: properties_schema(cls) for name, cls in types.items()}
    found[kind] = {"anyOf": [ref(name) for name in types]}
    return found


def definitions(*kinds: str) -> dict[str, dict[str, Any]]:
    """The definitions of every type of these kinds (task, trigger, condition)."""
    found = {}
    for kind in kinds:
        found.update(type_definitions(kind))
    return found


def stub_definitions() -> dict[str, dict[str, Any]]:
    """Short definitions of "any task" (trigger, condition, input) for a single type's
    page, whose nested tasks need only their shape there, not every type."""
    stub = {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string"}},
            "required": ["type"]}
    return {kind: stub for kind in ("task", "trigger", "condition", "input")}


def kind_document(kind: str, array_of: bool = False, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole schema of "any task" (or trigger, condition), or a list of them; `extra`
    definitions (inputs) are added for types that refer to them."""
    defs = {**definitions("task", "trigger", "condition"), "input": ANY_INPUT, **(extra or {})}
    root = {"type": "array", "items": ref(kind)} if array_of else ref(kind)
    return {"$schema": DRAFT, **root, "definitions": defs}
