"""Deprecated conditions on the flow being triggered itself (not the execution)."""
from __future__ import annotations

from plugins.api.condition import ConditionContext, ConditionType
from plugins.api.properties import Property
from plugins.api.registry import register


@register
class FlowCondition(ConditionType):
    type = "io.kestra.plugin.core.condition.FlowCondition"
    aliases = ("io.kestra.core.models.conditions.types.FlowCondition",)
    title = "Condition for a specific flow (deprecated: use ExecutionFlow)."
    deprecated = True
    properties = (
        Property("namespace", required=True, dynamic=False),
        Property("flowId", required=True, dynamic=False),
    )

    def test(self, context: ConditionContext) -> bool:
        return bool(context.flow.namespace == self.get("namespace") and context.flow.id == self.get("flowId"))


@register
class FlowNamespaceCondition(ConditionType):
    type = "io.kestra.plugin.core.condition.FlowNamespaceCondition"
    aliases = ("io.kestra.core.models.conditions.types.FlowNamespaceCondition",)
    title = "Condition for a flow namespace (deprecated: use ExecutionNamespace)."
    deprecated = True
    properties = (
        Property("namespace", required=True, dynamic=False),
        Property("prefix", "boolean", default=False, dynamic=False),
    )

    def test(self, context: ConditionContext) -> bool:
        namespace = context.flow.namespace
        return namespace.startswith(self.get("namespace")) if self.get("prefix") is True \
            else namespace == self.get("namespace")
