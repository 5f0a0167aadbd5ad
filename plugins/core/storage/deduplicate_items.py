"""DeduplicateItems: keep the last item of each key of a file, in file order, as Kestra's
DeduplicateItems does (two passes: last offset of each key, then only those lines; the
file is never held in memory, only the keys)."""
from __future__ import annotations

from typing import Any

from plugins.api.context import RunContext
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .files import item_of, lines, new_name, storage_uri


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
    examples = (Example("One row per email: the last order of each customer is kept", full=True, code="""\
id: dedup
namespace: company.team
inputs:
  - id: orders
    type: FILE
tasks:
  - id: dedup
    type: io.kestra.plugin.core.storage.DeduplicateItems
    from: "{{ inputs.orders }}"
    expr: "{{ customer_email }}"
""",
                        inputs={"orders": '{"order_id": 1, "customer_email": "a@x.io", "product_id": 20}\n'
                                          '{"order_id": 2, "customer_email": "b@x.io", "product_id": 7}\n'
                                          '{"order_id": 3, "customer_email": "a@x.io", "product_id": 20}\n'}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = storage_uri(ctx.render_property("from"), "from")
        expr = str(self.get("expr"))

        def key(line: str) -> str:
            return str(ctx.render(expr, extra=item_of(line, uri)))

        last: dict[str, int] = {}
        for offset, line in enumerate(lines(ctx, uri)):
            last[key(line)] = offset
        processed = dropped = 0
        with ctx.new_file(new_name(".ion")) as out:
            for offset, line in enumerate(lines(ctx, uri)):
                if last.get(key(line)) == offset:
                    out.write((line + "\n").encode())
                else:
                    dropped += 1
                processed += 1
        return {"uri": out.uri, "numKeys": len(last), "processedItemsTotal": processed,
                "droppedItemsTotal": dropped}
