"""The guides: each a Django template in templates/docs/guides/ (no Markdown library
is a dependency), with the generated parts it lists given by a context function, so a
guide's lists follow the registries. Their example flows are blueprints, which the
blueprint tests run, so an example in a guide cannot rot."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows.spec.input_properties import COMMON, OWN
from flows.spec.input_types import LEGACY_TYPES, TYPES
from plugins.api.docs import describe

from ..blueprints.catalog import find
from . import expressions_catalog, plugin_index


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    context: Callable[[], dict]


def _expressions() -> dict:
    return {"filters": expressions_catalog.filters(), "functions": expressions_catalog.functions(),
            "tests": expressions_catalog.tests()}


def _inputs() -> dict:
    legacy = {new: old for old, new in LEGACY_TYPES.items()}
    return {"example": find("inputs-and-outputs"), "common": [describe(prop) for prop in COMMON],
            "input_types": [{"name": name, "legacy": legacy.get(name), "own": [describe(p) for p in OWN.get(name, ())]}
                            for name in TYPES]}


def _of_kind(kind: str) -> list[plugin_index.TypeEntry]:
    return [entry for family in plugin_index.families() for package in family.packages
            for entry in package.types[kind]]


def _triggers() -> dict:
    return {"example": find("weekdays-only"), "triggers": _of_kind("trigger"), "conditions": _of_kind("condition")}


def _concepts() -> dict:
    return {"example": find("hello-world")}


def _nothing() -> dict:
    return {}


GUIDES = {guide.slug: guide for guide in (
    Guide("concepts", "Concepts", "Flows, tasks, executions, namespaces, triggers and labels.", _concepts),
    Guide("expressions", "Expressions", "The Pebble syntax, the context variables, every filter and function.",
          _expressions),
    Guide("inputs", "Inputs", "Typed inputs of a flow, each input type and its properties.", _inputs),
    Guide("triggers", "Triggers", "Starting flows on a schedule, from events, from other flows.", _triggers),
    Guide("api", "API", "Kestra's REST API, its OpenAPI document and the browsable page.", _nothing),
)}
