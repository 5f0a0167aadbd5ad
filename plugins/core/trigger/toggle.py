"""Kestra's Toggle task: enables or disables a trigger of a flow (its own by default)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import FlowNotFound, RunContext, TaskFailed, TriggerNotFound
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class Toggle(RunnableTask):
    type = "io.kestra.plugin.core.trigger.Toggle"
    aliases = ("io.kestra.core.tasks.trigger.Toggle",)
    title = "Enable or disable a trigger."
    examples = (Example("Disable the flow's own schedule", """\
id: toggle_example
namespace: company.team
tasks:
  - id: disable
    type: io.kestra.plugin.core.trigger.Toggle
    trigger: every_morning
    enabled: false
triggers:
  - id: every_morning
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
""", full=True),)
    properties = (
        Property("namespace", default="{{ flow.namespace }}",
                 description="The namespace of the flow of the trigger (default the current flow's)."),
        Property("flowId", default="{{ flow.id }}", description="The flow of the trigger (default the current flow)."),
        Property("trigger", required=True, description="The id of the trigger to toggle."),
        Property("enabled", "boolean", default=False, dynamic=False,
                 description="Whether to enable (true) or disable (false) the trigger."),
    )

    def run(self, ctx: RunContext) -> dict[str, Any]:
        namespace, flow_id = str(ctx.render_property("namespace")), str(ctx.render_property("flowId"))
        trigger_id = str(ctx.render_property("trigger"))
        enabled = str(self.get("enabled")).lower() == "true"
        try:
            ctx.toggle_trigger(namespace, flow_id, trigger_id, enabled)
        except (FlowNotFound, TriggerNotFound) as exc:
            raise TaskFailed(str(exc)) from None
        ctx.logger.info(f"Trigger {trigger_id} of flow {namespace}.{flow_id} {'enabled' if enabled else 'disabled'}")
        return {}
