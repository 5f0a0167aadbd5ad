"""The blueprint catalog: one flow a file, `catalog/<category>/<id>.yaml`.

A file is the flow exactly as a user gets it in the editor, preceded by a header of
`# key: value` comment lines that say what the flow itself cannot:

    # title: Hello world                 (the catalog's name for it)
    # needs: snowflake, internet         (outside services it needs to run; none when absent)
    # expect: FAILED                     (the state it ends in, SUCCESS when absent)
    # flows: subflow-greeter             (other blueprints it calls, saved before it runs)

The description is the flow's own `description:`, so it travels with the flow. The
header is left out of `source`: a user's flow starts at its first key."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).with_name("catalog")
HEADER = "# "
# The categories, in the order the catalog lists them: folder name -> title.
CATEGORIES = {
    "getting-started": "Getting started",
    "http-apis": "HTTP and APIs",
    "sql-snowflake": "SQL and Snowflake",
    "scripts": "Scripts",
    "scheduling-triggers": "Scheduling and triggers",
    "error-handling": "Error handling",
    "loops-subflows": "Loops and subflows",
    "storage": "Storage",
    "kv": "KV store",
}
HEADER_KEYS = ("title", "needs", "expect", "flows")


class BlueprintInvalid(Exception):
    """A catalog file breaks the format above (a developer's mistake, found by the tests)."""


@dataclass(frozen=True)
class Blueprint:
    id: str
    title: str
    category: str  # a key of CATEGORIES
    description: str
    source: str  # the flow's YAML, without the header
    needs: list[str]  # outside services it needs to run ("snowflake", "internet"...); [] when none
    expect: str = "SUCCESS"  # the state it ends in when it runs
    flows: tuple[str, ...] = ()  # ids of other blueprints it calls (subflows)

    @property
    def category_title(self) -> str:
        return CATEGORIES[self.category]

    @property
    def flow_id(self) -> str:
        return str(yaml.safe_load(self.source)["id"])

    @property
    def namespace(self) -> str:
        return str(yaml.safe_load(self.source)["namespace"])

    def matches(self, words: str) -> bool:
        """Every word of a search appears in its title, description, category or YAML."""
        haystack = " ".join((self.id, self.title, self.description, self.category_title, self.source)).lower()
        return all(word in haystack for word in words.lower().split())


def _split(text: str, path: Path) -> tuple[dict[str, str], str]:
    header: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith(HEADER):
        key, _, value = lines.pop(0)[len(HEADER):].partition(":")
        if key.strip() not in HEADER_KEYS:
            raise BlueprintInvalid(f"{path}: unknown header key {key.strip()!r}; known: {', '.join(HEADER_KEYS)}")
        header[key.strip()] = value.strip()
    return header, "".join(lines).lstrip("\n")


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def load(path: Path, category: str) -> Blueprint:
    header, source = _split(path.read_text(encoding="utf-8"), path)
    if "title" not in header:
        raise BlueprintInvalid(f"{path}: the header has no '# title:' line")
    flow = yaml.safe_load(source)
    if not isinstance(flow, dict) or not isinstance(flow.get("description"), str):
        raise BlueprintInvalid(f"{path}: the flow has no description")
    return Blueprint(id=path.stem, title=header["title"], category=category, description=flow["description"].strip(),
                     source=source, needs=_names(header.get("needs", "")), expect=header.get("expect") or "SUCCESS",
                     flows=tuple(_names(header.get("flows", ""))))


@functools.cache
def _catalog() -> dict[str, Blueprint]:
    found: dict[str, Blueprint] = {}
    for category in CATEGORIES:
        for path in sorted((FOLDER / category).glob("*.yaml")):
            blueprint = load(path, category)
            if blueprint.id in found:
                raise BlueprintInvalid(f"{path}: blueprint id {blueprint.id} is used twice")
            found[blueprint.id] = blueprint
    return found


def all_blueprints() -> list[Blueprint]:
    """Every blueprint, by category (in CATEGORIES' order), then by file name."""
    return list(_catalog().values())


def find(blueprint_id: str) -> Blueprint | None:
    return _catalog().get(blueprint_id)


def by_category(blueprints: list[Blueprint]) -> list[tuple[str, str, list[Blueprint]]]:
    """(category, its title, its blueprints) for each category that has any."""
    return [(key, title, [b for b in blueprints if b.category == key]) for key, title in CATEGORIES.items()
            if any(b.category == key for b in blueprints)]
