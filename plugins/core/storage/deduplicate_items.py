"""DeduplicateItems: keep the last item of each key of a file, in file order, as Kestra's
DeduplicateItems does (two passes: last offset of each key, then only those lines; the
file is never held in memory, only the keys)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .examples import orders_example
from .files import item_of, keep_items, lines, storage_uri


@register
class DeduplicateItems(RunnableTask):
    type = "io.kestra.plugin.core.storage.DeduplicateItems"
    aliases = ("io.kestra.core.tasks.storages.DeduplicateItems",)
    title = "Deduplicate the items of a file by a key."
    description = "Each line is an Ion (or JSON) map; `expr` renders its key; the last item of each key is kept."
    properties = (
        Property("from", required=True, description="The file to deduplicate."),
        Property("expr", required=True, dynamic=False, description="The Pebble expression giving an item's key."),
    )
    outputs = (
        Output("uri", "string", "The deduplicated file's URI."),
        Output("numKeys", "integer", "How many distinct keys were seen."),
        Output("processedItemsTotal", "integer", "How many items were read."),
        Output("droppedItemsTotal", "integer", "How many items were dropped."),
    )
    examples = (orders_example("One row per email: the last order of each customer is kept", """\
- id: dedup
  type: io.kestra.plugin.core.storage.DeduplicateItems
  from: "{{ inputs.orders }}"
  expr: "{{ customer_email }}"
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("from"), "from")
        expr = str(self.get("expr"))

        def key(line: str) -> str:
            return str(ctx.render(expr, extra=item_of(line, uri)))

        last: dict[str, int] = {}
        for offset, line in enumerate(lines(ctx, uri)):
            last[key(line)] = offset
        kept = keep_items(ctx, uri, lambda offset, line: last.get(key(line)) == offset)
        return {"uri": kept.uri, "numKeys": len(last), "processedItemsTotal": kept.processed,
                "droppedItemsTotal": kept.dropped}
