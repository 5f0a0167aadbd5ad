"""The Expression condition (old VariableCondition): an expression that must render true."""
from __future__ import annotations

from plugins.api.condition import ConditionContext, ConditionType, is_truthy_render
from plugins.api.properties import Example, Property
from plugins.api.registry import register

from . import condition_names


@register
class Expression(ConditionType):
    type, aliases = condition_names("Expression", old="VariableCondition")
    title = "Condition based on the result of an expression."
    examples = (Example("Only upstream executions that ended SUCCESS", """\
type: io.kestra.plugin.core.condition.Expression
expression: "{{ trigger.state == 'SUCCESS' }}"
"""),)
    schedule_condition = True
    properties = (
        Property("expression", required=True, description="True unless it renders blank or false."),
    )

    def test(self, context: ConditionContext) -> bool:
        return is_truthy_render(context.rendered(self.get("expression")))
