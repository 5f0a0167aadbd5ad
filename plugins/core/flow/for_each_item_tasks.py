"""The three tasks a ForEachItem runs (see for_each_item.py), under the class names
Kestra gives them. Subflow outputs are written one JSON object per line: valid Ion
text, the format Kestra's `subflowOutputs` file has."""
import json
from collections import Counter
from pathlib import PurePosixPath

from plugins.context import TaskFailed
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.states import State
from plugins.task import ExecutableTask, RunnableTask

from .for_each_item import ITEMS_TYPE, MERGE_TYPE, SPLIT_TYPE
from .item_batches import split
from .subflow import TARGET, child_labels, outcome

ENDED = ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED")


def _write(ctx, name: str, data: bytes) -> str:
    path = ctx.working_dir() / name
    path.write_bytes(data)
    return ctx.put_file(path, name)


@register
class ForEachItemSplit(RunnableTask):
    type = SPLIT_TYPE
    internal = True
    lightweight = True
    title = "Cut a ForEachItem's file into batches."
    properties = (Property("items", required=True), Property("batch", "object", dynamic=False))
    outputs = (Output("splits", "string", "URI of a file listing the URI of each batch, one a line."),)

    def run(self, ctx):
        uri = str(ctx.render_property("items"))
        if not uri.startswith("kestra://"):
            raise TaskFailed(f"Unable to split the items from {uri}, this is not an internal storage URI!")
        with ctx.open_file(uri) as handle:
            data = handle.read()
        try:
            batches = split(data, self.get("batch") or {}, ctx.render)
        except ValueError as exc:
            raise TaskFailed(str(exc)) from exc
        extension = PurePosixPath(uri).suffix or ".tmp"  # batches keep the file's kind
        uris = [_write(ctx, f"batch-{n}{extension}", content) for n, content in enumerate(batches)]
        return {"splits": _write(ctx, "splits.txt", "\n".join(uris).encode())}


@register
class ForEachItemExecutable(ExecutableTask):
    type = ITEMS_TYPE
    internal = True
    title = "Start one subflow execution per batch of a ForEachItem."
    properties = TARGET
    outputs = (Output("numberOfBatches", "integer", "How many batches (and subflow executions)."),
               Output("iterations", "object", "Count of subflow executions by state."),
               Output("uri", "string", "URI of the file gathering the subflows' outputs, once they ended."))

    def start(self, rt, taskrun):
        split_id = self.id[: -len("_items")] + "_split"
        with rt.open_file((rt.sibling_outputs(taskrun, split_id) or {})["splits"]) as handle:
            batches = handle.read().decode().splitlines()
        namespace, flow_id = rt.render(self.spec["namespace"], taskrun), rt.render(self.spec["flowId"], taskrun)
        labels = child_labels(rt, self, taskrun)
        children = []
        for iteration, batch_uri in enumerate(batches):
            extra = {"taskrun": {"items": batch_uri, "iteration": iteration}}
            inputs = rt.render(self.get("inputs") or {}, taskrun, extra)
            try:
                children.append(rt.start_execution(namespace, flow_id, inputs, labels, taskrun,
                                                   revision=self.get("revision")))
            except ValueError as exc:
                raise TaskFailed(str(exc)) from exc
        rt.memo(taskrun)["executions"] = children
        rt.save_memo(taskrun)
        rt.set_outputs(taskrun, {"numberOfBatches": len(children), "iterations": {"CREATED": len(children)}})

    def poll(self, rt, taskrun):
        children = rt.memo(taskrun).get("executions", [])
        if not self.get("wait"):
            return State.SUCCESS
        states = rt.execution_states(children)
        outputs = {"numberOfBatches": len(children), "iterations": dict(Counter(states.values()))}
        if any(s not in ENDED for s in states.values()):
            rt.set_outputs(taskrun, outputs)
            return None
        lines = [rt.execution_result(child)[1] for child in children]
        if any(lines):
            merged = b"".join(json.dumps(o or {}, separators=(",", ":")).encode() + b"\n" for o in lines)
            outputs["uri"] = rt.put_bytes(taskrun, "outputs.ion", merged)
        rt.set_outputs(taskrun, outputs)
        results = {outcome(s, bool(self.get("transmitFailed"))) for s in states.values()}
        for state in (State.FAILED, State.KILLED, State.WARNING):  # Kestra's order of precedence
            if state in results:
                return state
        return State.SUCCESS

    def kill(self, rt, taskrun):
        for child in rt.memo(taskrun).get("executions", []):
            rt.kill_execution(child)


@register
class ForEachItemMergeOutputs(RunnableTask):
    type = MERGE_TYPE
    internal = True
    lightweight = True
    title = "Gather the outputs of a ForEachItem's subflows into one file."
    properties = (Property("itemsTaskId", required=True, dynamic=False),)
    outputs = (Output("subflowOutputs", "string", "URI of the subflows' outputs, one line per subflow."),)

    def run(self, ctx):
        merged = (ctx.sibling_outputs(self.get("itemsTaskId")) or {}).get("uri")
        return {"subflowOutputs": merged} if merged else {}
