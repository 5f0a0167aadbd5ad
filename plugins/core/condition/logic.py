"""Conditions made of conditions: Not (none holds) and Or (one holds)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plugins.api.condition import ConditionContext, ConditionType, build
from plugins.api.properties import Property
from plugins.api.registry import register

from . import condition_names


class Combining(ConditionType):
    """A condition over a non-empty list of conditions, each validated by its type."""
    schedule_condition = True
    nested_conditions = ("conditions",)
    properties = (
        Property("conditions", "array", items="condition", required=True, dynamic=False,
                 description="The conditions it combines (at least one)."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return [("conditions", "must not be empty")] if spec.get("conditions") == [] else []

    def outcomes(self, context: ConditionContext) -> Iterator[bool]:
        return (build(spec).test(context) for spec in self.get("conditions"))


@register
class Not(Combining):
    type, aliases = condition_names("Not")
    title = "Condition that holds when none of its conditions does."

    def test(self, context: ConditionContext) -> bool:
        return not any(self.outcomes(context))


@register
class Or(Combining):
    type, aliases = condition_names("Or")
    title = "Condition that holds when one of its conditions does."

    def test(self, context: ConditionContext) -> bool:
        return any(self.outcomes(context))
