"""A type's documentation page in Markdown (the `markdown` of Kestra's
GET /api/v1/plugins/{cls}): title, description, examples as YAML, then each
property and output from the same declarations as validation and the JSON schema."""
from __future__ import annotations

from .plugin_type import PluginType
from .properties import Property


def _property(prop: Property) -> list[str]:
    facts = [f"* **Type:** `{prop.kind}`" + (f" of `{prop.items}`" if prop.items else ""),
             f"* **Dynamic:** {'✔️' if prop.dynamic else '❌'}", f"* **Required:** {'✔️' if prop.required else '❌'}"]
    if prop.default is not None:
        facts.append(f"* **Default:** `{prop.default}`")
    if prop.values:
        facts.append("* **Possible values:** " + ", ".join(f"`{value}`" for value in prop.values))
    if prop.minimum is not None:
        facts.append(f"* **Minimum:** `>= {prop.minimum}`")
    lines = [f"### `{prop.name}`", *facts]
    if prop.description:
        lines += ["", prop.description]
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
