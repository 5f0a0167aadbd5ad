"""A type's documentation page in Markdown (the `markdown` of Kestra's
GET /api/v1/plugins/{cls}): title, description, examples as YAML, then each
property and output from the same declarations as validation and the JSON schema."""
from __future__ import annotations

from .plugin_type import PluginType
from .properties import Property

# The bounds a declaration may carry, as the page words them.
BOUNDS = (("minimum", "Minimum", ">="), ("maximum", "Maximum", "<="), ("min_items", "Min items", ">="),
          ("max_items", "Max items", "<="), ("min_length", "Min length", ">="), ("max_length", "Max length", "<="))


def _type(prop: Property) -> str:
    if prop.kind == "one_of":
        return " or ".join(f"`{option.name}`" if prop.discriminator else _type(option) for option in prop.one_of)
    item = prop.item()
    if prop.kind == "array" and item is not None:
        return f"`array` of `{item.kind}`"
    return f"`{prop.kind}`" + (f" of `{prop.items}`" if isinstance(prop.items, str) else "")


def _facts(prop: Property) -> list[str]:
    facts = []
    if prop.default is not None:
        default = str(prop.default).lower() if isinstance(prop.default, bool) else prop.default
        facts.append(f"* **Default:** `{default}`")  # true, as a Kestra page (and the YAML) spells it
    if prop.values:
        facts.append("* **Possible values:** " + ", ".join(f"`{value}`" for value in prop.values))
    for attribute, title, sign in BOUNDS:
        if getattr(prop, attribute) is not None:
            facts.append(f"* **{title}:** `{sign} {getattr(prop, attribute)}`")
    return facts


def _nested(prop: Property, depth: int) -> list[str]:
    """The fields of an object (of each item of a list of objects, of each alternative
    of a one-of) as a nested list, so the page shows the same shape validation reads."""
    indent = "  " * depth
    lines: list[str] = []
    item = prop.item() if prop.kind == "array" else None
    fields = prop.fields if prop.kind == "object" else item.fields if item is not None else ()
    for field in fields:
        required = ", required" if field.required else ""
        lines.append(f"{indent}* `{field.name}` ({_type(field)}{required})"
                     + (f": {field.description}" if field.description else ""))
        lines += [f"{indent}  {fact}" for fact in _facts(field)]
        lines += _nested(field, depth + 1)
    if prop.kind == "one_of":
        for option in prop.one_of:
            if prop.discriminator:
                lines.append(f"{indent}* `{prop.discriminator}: {option.name}`"
                             + (f": {option.description}" if option.description else ""))
                lines += _nested(option, depth + 1)
            else:
                lines += _nested(option, depth)
    return lines


def _property(prop: Property) -> list[str]:
    facts = [f"* **Type:** {_type(prop)}",
             f"* **Dynamic:** {'✔️' if prop.dynamic else '❌'}", f"* **Required:** {'✔️' if prop.required else '❌'}"]
    lines = [f"### `{prop.name}`", *facts, *_facts(prop)]
    if prop.description:
        lines += ["", prop.description]
    nested = _nested(prop, 0)
    if nested:
        lines += ["", *nested]
    return [*lines, ""]


def markdown(cls: type[PluginType], all_properties: bool = False) -> str:
    """The page of a type; `all_properties` adds the properties every type of its kind has."""
    lines = [f"# {cls.title or cls.type.rsplit('.', 1)[-1]}", "", f"```yaml\ntype: \"{cls.type}\"\n```", ""]
    if cls.deprecated:
        lines += [":::alert{type=\"warning\"}", "This type is deprecated.", ":::", ""]
    if cls.description:
        lines += [cls.description, ""]
    if cls.examples:
        lines += ["## Examples", ""]
        for example in cls.examples:
            lines += [f"> {example.title}", "", "```yaml", example.code.rstrip(), "```", ""]
    common = {prop.name for prop in cls.common_properties()}
    shown = [prop for prop in cls.declared().values() if all_properties or prop.name not in common]
    if shown:
        lines += ["## Properties", ""]
        for prop in shown:
            lines += _property(prop)
    outputs = getattr(cls, "outputs", ())
    if outputs:
        lines += ["## Outputs", ""]
        for output in outputs:
            lines += [f"### `{output.name}`", f"* **Type:** `{output.kind}`", "", output.description, ""]
    return "\n".join(lines).rstrip() + "\n"
