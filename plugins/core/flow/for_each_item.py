"""ForEachItem: split a file of internal storage into batches of lines and run one
subflow execution per batch, with `{{ taskrun.items }}` the URI of its batch."""
from collections import Counter

from plugins.context import TaskFailed
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.states import State
from plugins.task import ExecutableTask

from .subflow import TARGET, child_labels, outcome


def batches(lines: list[bytes], rows: int | None, partitions: int | None) -> list[list[bytes]]:
    if partitions:
        size = max(1, -(-len(lines) // int(partitions)))
    else:
        size = max(1, int(rows or 1))
    return [lines[i:i + size] for i in range(0, len(lines), size)]


@register
class ForEachItem(ExecutableTask):
    type = "io.kestra.plugin.core.flow.ForEachItem"
    aliases = ("io.kestra.core.tasks.flows.ForEachItem",)
    title = "Run a subflow for each batch of lines of a file."
    properties = (
        Property("items", required=True, description="URI of the file in internal storage to split."),
        Property("batch", "object", dynamic=False, description="rows (default 1) or partitions per batch."),
        *TARGET,
    )
    outputs = (Output("numberOfBatches", "integer", "How many batches (and subflow executions)."),
               Output("iterations", "object", "Count of subflow executions by final state."))

    def start(self, rt, taskrun):
        uri = rt.render(self.spec["items"], taskrun)
        try:
            with rt.open_file(str(uri), "rb") as handle:
                lines = [line for line in handle.read().splitlines(keepends=True) if line.strip()]
        except Exception as exc:  # a missing or unreadable file fails the task with its reason
            raise TaskFailed(f"'{self.id}': cannot read items {uri}: {exc}") from exc
        batch = self.get("batch") or {}
        children = []
        namespace, flow_id = rt.render(self.spec["namespace"], taskrun), rt.render(self.spec["flowId"], taskrun)
        labels = child_labels(rt, self, taskrun)
        for iteration, rows in enumerate(batches(lines, batch.get("rows"), batch.get("partitions"))):
            batch_uri = rt.put_bytes(taskrun, f"batch-{iteration}.txt", b"".join(rows))
            extra = {"taskrun": {"items": batch_uri, "iteration": iteration}}
            inputs = rt.render(self.get("inputs") or {}, taskrun, extra)
            try:
                children.append(rt.start_execution(namespace, flow_id, inputs, labels, taskrun,
                                                   revision=self.get("revision")))
            except ValueError as exc:
                raise TaskFailed(str(exc)) from exc
        rt.memo(taskrun)["executions"] = children
        rt.save_memo(taskrun)
        rt.set_outputs(taskrun, {"numberOfBatches": len(children), "iterations": {}})

    def poll(self, rt, taskrun):
        children = rt.memo(taskrun).get("executions", [])
        if not self.get("wait"):
            return State.SUCCESS
        states = rt.execution_states(children)
        counts = Counter(states.values())
        rt.set_outputs(taskrun, {"numberOfBatches": len(children), "iterations": dict(counts)})
        if any(s not in ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED") for s in states.values()):
            return None
        results = [outcome(s, bool(self.get("transmitFailed"))) for s in states.values()]
        if State.FAILED in results or State.KILLED in results:
            return State.FAILED
        return State.WARNING if State.WARNING in results else State.SUCCESS

    def kill(self, rt, taskrun):
        for child in rt.memo(taskrun).get("executions", []):
            rt.kill_execution(child)
