"""A type's documentation page in Markdown (the `markdown` of Kestra's
GET /api/v1/plugins/{cls}): title, description, examples as YAML, then each
property and output from the same declarations as validation and the JSON schema.
`describe` gives a property as a tree (type, facts, nested fields) that the UI's HTML
documentation pages render too, so both pages say the same."""
from __future__ import annotations

from dataclasses import dataclass

from .plugin_type import PluginType
from .properties import Property

# The bounds a declaration may carry, as the page words them.
BOUNDS = (("minimum", "Minimum", ">="), ("maximum", "Maximum", "<="), ("min_items", "Min items", ">="),
          ("max_items", "Max items", "<="), ("min_length", "Min length", ">="), ("max_length", "Max length", "<="))


def type_text(prop: Property) -> str:
    """The type of a property in Markdown, as a page words it: "`array` of `string`"."""
    if prop.kind == "one_of":
        return " or ".join(f"`{option.name}`" if prop.discriminator else type_text(option) for option in prop.one_of)
    item = prop.item()
    if prop.kind == "array" and item is not None:
        return f"`array` of `{item.kind}`"
    return f"`{prop.kind}`" + (f" of `{prop.items}`" if isinstance(prop.items, str) else "")


def facts(prop: Property) -> tuple[tuple[str, str], ...]:
    """(title, value in Markdown) of what a declaration says beside its type: its
    default, its possible values, its bounds."""
    found = []
    if prop.default is not None:
        default = str(prop.default).lower() if isinstance(prop.default, bool) else prop.default
        found.append(("Default", f"`{default}`"))  # true, as a Kestra page (and the YAML) spells it
    if prop.values:
        found.append(("Possible values", ", ".join(f"`{value}`" for value in prop.values)))
    for attribute, title, sign in BOUNDS:
        if getattr(prop, attribute) is not None:
            found.append((title, f"`{sign} {getattr(prop, attribute)}`"))
    return tuple(found)


@dataclass(frozen=True)
class PropertyDoc:
    """A property as a page shows it: the Markdown page here, the HTML page of the UI's
    documentation from the same tree. `children` are the fields of an object (of each
    item of a list of objects), or a one-of's alternatives: each picked by its
    discriminator (`alternative`, named `type: constant`), or without one, the fields
    of every alternative."""
    name: str
    type: str  # Markdown; "" for an alternative
    required: bool
    dynamic: bool
    description: str
    facts: tuple[tuple[str, str], ...]
    children: tuple[PropertyDoc, ...]
    alternative: bool = False


def describe(prop: Property) -> PropertyDoc:
    return PropertyDoc(prop.name, type_text(prop), prop.required, prop.dynamic, prop.description, facts(prop),
                       _children(prop))


def _children(prop: Property) -> tuple[PropertyDoc, ...]:
    item = prop.item() if prop.kind == "array" else None
    fields = prop.fields if prop.kind == "object" else item.fields if item is not None else ()
    found = [describe(field) for field in fields]
    if prop.kind == "one_of":
        for option in prop.one_of:
            if prop.discriminator:
                found.append(PropertyDoc(f"{prop.discriminator}: {option.name}", "", False, option.dynamic,
                                         option.description, (), _children(option), alternative=True))
            else:
                found += _children(option)
    return tuple(found)


def _nested(doc: PropertyDoc, depth: int) -> list[str]:
    """The children of a property as a nested list, so the page shows the same shape
    validation reads."""
    indent = "  " * depth
    lines: list[str] = []
    for child in doc.children:
        described = f": {child.description}" if child.description else ""
        if child.alternative:
            lines.append(f"{indent}* `{child.name}`{described}")
        else:
            lines.append(f"{indent}* `{child.name}` ({child.type}{', required' if child.required else ''}){described}")
            lines += [f"{indent}  * **{title}:** {value}" for title, value in child.facts]
        lines += _nested(child, depth + 1)
    return lines


def _property(prop: Property) -> list[str]:
    doc = describe(prop)
    lines = [f"### `{doc.name}`", f"* **Type:** {doc.type}", f"* **Dynamic:** {'✔️' if doc.dynamic else '❌'}",
             f"* **Required:** {'✔️' if doc.required else '❌'}",
             *(f"* **{title}:** {value}" for title, value in doc.facts)]
    if doc.description:
        lines += ["", doc.description]
    nested = _nested(doc, 0)
    if nested:
        lines += ["", *nested]
    return [*lines, ""]


def shown_properties(cls: type[PluginType], all_properties: bool = False) -> list[Property]:
    """A type's properties as its page lists them: its own, and with `all_properties`
    those every type of its kind has (id, type, retry...)."""
    common = {prop.name for prop in cls.common_properties()}
    return [prop for prop in cls.declared().values() if all_properties or prop.name not in common]


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
    shown = shown_properties(cls, all_properties)
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
