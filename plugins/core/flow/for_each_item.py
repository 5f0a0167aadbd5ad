"""ForEachItem: split a file of internal storage into batches and run one subflow
execution per batch, with `{{ taskrun.items }}` the URI of its batch and
`{{ taskrun.iteration }}` its number, counted from 0 as in Kestra since 1.1 (as ForEach).

As in Kestra it is a flowable over three tasks it makes for itself, run in order:
`<id>_split` cuts the file (output `splits`), `<id>_items` starts the subflows (outputs
`numberOfBatches` and `iterations`, the count of subflows by state) and `<id>_merge`
gathers the subflows' outputs into one file (output `subflowOutputs`). Flows read
those outputs by these ids, and executions show these three taskruns."""
from collections.abc import Iterator
from typing import Any

from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

from .subflow import TARGET

SPLIT_TYPE = "io.kestra.plugin.core.flow.ForEachItem$ForEachItemSplit"
ITEMS_TYPE = "io.kestra.plugin.core.flow.ForEachItem$ForEachItemExecutable"
MERGE_TYPE = "io.kestra.plugin.core.flow.ForEachItem$ForEachItemMergeOutputs"
SUBFLOW_KEYS = tuple(prop.name for prop in TARGET)


def internal_tasks(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The three children, from the ForEachItem's own properties."""
    base = spec["id"]
    return [
        {"id": f"{base}_split", "type": SPLIT_TYPE, "items": spec.get("items"), "batch": spec.get("batch") or {}},
        {"id": f"{base}_items", "type": ITEMS_TYPE, **{k: spec[k] for k in SUBFLOW_KEYS if k in spec}},
        {"id": f"{base}_merge", "type": MERGE_TYPE, "itemsTaskId": f"{base}_items"},
    ]


# Kestra's ForEachItem.Batch.
BATCH_FIELDS = (
    Property("rows", "integer", minimum=1, description="Rows per batch (default 1)."),
    Property("bytes", description="Bytes per batch, e.g. 10KB."),
    Property("partitions", "integer", minimum=1, description="Number of batches."),
    Property("separator", description="What ends a row (default a newline)."),
    Property("regexPattern", description="One batch per value of this pattern's first group."),
)


@register
class ForEachItem(FlowableTask):
    type = "io.kestra.plugin.core.flow.ForEachItem"
    aliases = ("io.kestra.core.tasks.flows.ForEachItem",)
    calls_flows = True
    title = "Run a subflow for each batch of lines of a file."
    examples = (
        Example("One subflow execution for each two lines of a file", """\
id: each_item
namespace: company.team
inputs:
  - id: file
    type: FILE
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEachItem
    items: "{{ inputs.file }}"
    batch:
      rows: 2
    namespace: company.team
    flowId: batch_lines
    inputs:
      lines: "{{ taskrun.items }}"
""", full=True, inputs={"file": "a\nb\nc\n"}),
        Example("The flow it calls for each batch", """\
id: batch_lines
namespace: company.team
inputs:
  - id: lines
    type: FILE
tasks:
  - id: read
    type: io.kestra.plugin.core.log.Log
    message: "{{ read(inputs.lines) }}"
""", full=True, inputs={"lines": "x\n"}),
    )
    properties = (
        Property("items", required=True, description="URI of the file in internal storage to split."),
        Property("batch", "object", dynamic=False,
                 description="How to cut: `rows` per batch (default 1), `bytes` per batch (e.g. 10KB), a "
                             "number of `partitions`, or `regexPattern`: one batch per value of the pattern's "
                             "first group (rows it does not match are left out); `separator` ends each row "
                             "(default a newline).", fields=BATCH_FIELDS),
        *TARGET,
    )

    @classmethod
    def nested_task_lists(cls, spec: dict[str, Any]) -> dict[str, list[Any]]:
        """The engine indexes the internal children like any others."""
        return {**super().nested_task_lists(spec), "tasks": internal_tasks(spec)}

    @classmethod
    def nested_tasks(cls, spec: dict[str, Any]) -> Iterator[tuple[str, Any, list[Any] | dict[str, Any], int | str]]:
        """Validation only walks what the flow wrote (`errors`, `finally`): the internal
        children are made from properties already checked."""
        for sub_path, child, container, key in super().nested_tasks(spec):
            if not sub_path.startswith("tasks["):
                yield sub_path, child, container, key

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        return self.tasks_with_handlers(rt, taskrun, rt.sequential(internal_tasks(self.spec), taskrun))
