"""FilterItems: keep or drop each item (line) of a file by a Pebble condition over its
fields, as Kestra's FilterItems does."""
from __future__ import annotations

from typing import Any

import expressions
from expressions import ExpressionError
from plugins.api.context import RunContext, TaskFailed
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .examples import orders_example
from .files import item_of, keep_items, storage_uri

INCLUDE, EXCLUDE, FAIL = "INCLUDE", "EXCLUDE", "FAIL"


@register
class FilterItems(RunnableTask):
    type = "io.kestra.plugin.core.storage.FilterItems"
    aliases = ("io.kestra.core.tasks.storages.FilterItems",)
    title = "Filter the items of a file with a Pebble expression."
    description = ("Each line is an Ion (or JSON) map whose fields the condition sees as variables; a true "
                   "condition keeps the item under INCLUDE and drops it under EXCLUDE. A condition that fails "
                   "or renders null follows `errorOrNullBehavior`.")
    properties = (
        Property("from", required=True, description="The file to filter."),
        Property("filterCondition", required=True, dynamic=False,
                 description="The Pebble expression each item is matched with."),
        Property("filterType", "enum", default=INCLUDE, values=(INCLUDE, EXCLUDE),
                 description="Keep (INCLUDE) or drop (EXCLUDE) the matching items."),
        Property("errorOrNullBehavior", "enum", default=FAIL, values=(FAIL, INCLUDE, EXCLUDE),
                 description="When the condition fails or renders null: fail, keep or drop the item."),
    )
    outputs = (
        Output("uri", "string", "The filtered file's URI."),
        Output("processedItemsTotal", "integer", "How many items were read."),
        Output("droppedItemsTotal", "integer", "How many items were dropped."),
    )
    examples = (orders_example("Keep the orders of product 20", """\
- id: filter
  type: io.kestra.plugin.core.storage.FilterItems
  from: "{{ inputs.orders }}"
  filterCondition: "{{ product_id == 20 }}"
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("from"), "from")
        condition = str(self.get("filterCondition"))
        filter_type = str(ctx.render_property("filterType", INCLUDE))
        on_error_or_null = str(ctx.render_property("errorOrNullBehavior", FAIL))

        def included(_offset: int, line: str) -> bool:
            return self._action(ctx, condition, line, uri, filter_type, on_error_or_null) == INCLUDE

        kept = keep_items(ctx, uri, included)
        return {"uri": kept.uri, "processedItemsTotal": kept.processed, "droppedItemsTotal": kept.dropped}

    @staticmethod
    def _action(ctx: RunContext, condition: str, line: str, uri: str, filter_type: str, on_error_or_null: str) -> str:
        try:
            rendered = ctx.render(condition, extra=item_of(line, uri))
        except ExpressionError:
            if on_error_or_null == FAIL:
                raise
            return on_error_or_null
        if rendered is None:
            if on_error_or_null == FAIL:
                raise TaskFailed(f"Expression `{condition}` return `null` on item `{line}`")
            return on_error_or_null
        matched = expressions.is_truthy(rendered.strip() if isinstance(rendered, str) else rendered)
        return filter_type if matched else (EXCLUDE if filter_type == INCLUDE else INCLUDE)
