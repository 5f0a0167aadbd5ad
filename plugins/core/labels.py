"""Labels: add or overwrite labels of the running execution, as Kestra's task does.

`labels` may be a map, a list of {key, value} or one expression rendering to a JSON
map. Keys and values are rendered; a value that is not text is printed as Java would
(`true`, `1.5`, a map as JSON). Labels starting with `system.` belong to Kestra and
are refused, so a flow cannot forge e.g. `system.correlationId`."""
import json
from typing import Any

from expressions.output import java_string, to_json
from plugins.api.context import RunContext, TaskFailed
from plugins.api.labels import SYSTEM_PREFIX
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask


@register
class Labels(RunnableTask):
    type = "io.kestra.plugin.core.execution.Labels"
    aliases = ("io.kestra.core.tasks.executions.Labels",)
    title = "Add or overwrite labels of the current execution."
    description = ("`labels` is a map of key to value, a list of {key, value}, or an expression rendering to a "
                   "JSON map; values are rendered. System labels (`system.`) are refused.")
    lightweight = True
    properties = (Property("labels", "any", required=True, description="The labels to set."),)
    examples = (Example("Label the execution with an input", """\
id: labelled
namespace: company.team
inputs:
  - id: customer
    type: STRING
    defaults: acme
tasks:
  - id: labels
    type: io.kestra.plugin.core.execution.Labels
    labels:
      customerId: "{{ inputs.customer }}"
""", full=True),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        labels = _rendered(ctx, self.get("labels"))
        for key, value in labels.items():
            if key.startswith(SYSTEM_PREFIX):
                raise TaskFailed(f"System labels can only be set by Kestra itself, offending label: {key}={value}")
        ctx.add_labels(labels)
        return {}


def _rendered(ctx: RunContext, labels: Any) -> dict[str, str]:
    if isinstance(labels, str):
        text = ctx.render(labels)
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            raise TaskFailed(f"labels must render to a JSON map of key to value, not {text!r}")
        return {str(k): _value(ctx, v) for k, v in parsed.items()}
    if isinstance(labels, list):
        pairs: dict[str, str] = {}
        for item in labels:
            if not isinstance(item, dict) or "key" not in item:
                raise TaskFailed(f"each label of the list must be a map with a key and a value, not {item!r}")
            pairs[str(ctx.render(str(item["key"])))] = _value(ctx, item.get("value"))
        return pairs
    if isinstance(labels, dict):
        return {str(ctx.render(str(k))): _value(ctx, v) for k, v in labels.items()}
    raise TaskFailed("labels must be a map, a list of key/value pairs or an expression")


def _value(ctx: RunContext, value: Any) -> str:
    if isinstance(value, dict):
        return to_json(ctx.render(value))
    if value is None:
        return ""
    return str(ctx.render(value if isinstance(value, str) else java_string(value)))
