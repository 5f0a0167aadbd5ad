"""The deprecated MultipleCondition: named conditions that must all hold within a time
window. A Flow trigger evaluates it with its windows (plugins.core.trigger.preconditions);
on its own it cannot be tested."""
from __future__ import annotations

from typing import Any

from plugins.api.condition import ConditionContext, ConditionError, ConditionType
from plugins.api.properties import Property
from plugins.api.registry import register
from plugins.core.trigger.preconditions import TIME_WINDOW_FIELDS, time_window_problems


@register
class MultipleCondition(ConditionType):
    type = "io.kestra.plugin.core.condition.MultipleCondition"
    aliases = ("io.kestra.core.models.conditions.types.MultipleCondition",)
    title = "Condition on several upstream executions within a time window (deprecated: use preconditions)."
    deprecated = True
    nested_conditions = ("conditions",)
    properties = (
        Property("id", required=True, dynamic=False, description="A unique id for the condition."),
        Property("timeWindow", "object", dynamic=False, fields=TIME_WINDOW_FIELDS),
        Property("resetOnSuccess", "boolean", default=True, dynamic=False),
        Property("window", "duration", dynamic=False, description="Deprecated: timeWindow.window."),
        Property("windowAdvance", "duration", dynamic=False, description="Deprecated: timeWindow.windowAdvance."),
        Property("conditions", "object", items="condition", required=True, dynamic=False,
                 description="The conditions, by name."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        problems = [("timeWindow", message) for message in time_window_problems(spec.get("timeWindow"))]
        if spec.get("conditions") == {}:
            problems.append(("conditions", "must not be empty"))
        return problems

    def test(self, context: ConditionContext) -> bool:
        raise ConditionError("a MultipleCondition is evaluated by its Flow trigger's time windows")
