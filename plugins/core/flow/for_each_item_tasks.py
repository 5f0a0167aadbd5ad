"""The three tasks a ForEachItem runs (see for_each_item.py), under the class names
Kestra gives them.

As in Kestra, `_items` leaves each subflow's outputs in its own storage folder
(`<subflowOutputsBaseUri>/<iteration>/outputs.ion`, one Ion line) and `_merge` joins
those files in iteration order: only subflows that were waited for and declare outputs
leave one, so `_merge` has no `subflowOutputs` otherwise."""
from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import PurePosixPath
from typing import Any

from expressions.ion import to_ion
from plugins.api.context import RunContext, TaskFailed
from plugins.api.executable import ExecutableRuntime
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.states import State
from plugins.api.task import ExecutableTask, RunnableTask
from plugins.api.taskrun import TaskRunModel
from storage import StorageError, layout

from .for_each_item import BATCH_FIELDS, ITEMS_TYPE, MERGE_TYPE, SPLIT_TYPE
from .item_batches import BadBatch, split
from .subflow import TARGET, Subflow, child_labels

ENDED = ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED")


def _write(ctx: RunContext, name: str, data: bytes) -> str:
    path = ctx.working_dir() / name
    path.write_bytes(data)
    return ctx.put_file(path, name)


def iteration_counts(states: Iterable[str | None], waited: bool) -> dict[str | None, int]:
    """Kestra's `iterations`: how many subflows are in each state they went through.
    Kestra counts state changes, so every state a subflow left stays with a 0: CREATED
    and RUNNING when it waited; only RUNNING when it did not (it marks each subflow
    SUCCESS at once)."""
    counts: dict[str | None, int] = {"CREATED": 0, "RUNNING": 0} if waited else {"RUNNING": 0}
    for state, count in Counter(states).items():
        counts[state] = counts.get(state, 0) + count
    return counts


def terminal_state(states: Collection[str | None], transmit_failed: bool) -> State:
    """A failed subflow wins over a killed one, then a warning (CANCELLED counts as
    ended but passes nothing on), as Kestra decides once all ended."""
    if transmit_failed:
        for state in (State.FAILED, State.KILLED, State.WARNING):
            if state.value in states:
                return state
    return State.SUCCESS


@register
class ForEachItemSplit(RunnableTask):
    type = SPLIT_TYPE
    internal = True
    lightweight = True
    title = "Cut a ForEachItem's file into batches."
    properties = (Property("items", required=True), Property("batch", "object", dynamic=False, fields=BATCH_FIELDS))
    outputs = (Output("splits", "string", "URI of a file listing the URI of each batch, one a line."),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        uri = str(ctx.render_property("items"))
        if not layout.is_uri(uri):
            raise TaskFailed(f"Unable to split the items from {uri}, this is not an internal storage URI!")
        try:
            with ctx.open_file(uri) as handle:
                data = handle.read()
        except StorageError as exc:  # another namespace's file, or none
            raise TaskFailed(str(exc)) from exc
        try:
            batches = split(data, self.get("batch") or {}, ctx.render)
        except BadBatch as exc:
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
               Output("subflowOutputsBaseUri", "string",
                      "Storage folder where each waited-for subflow left its outputs, once all ended."))

    def start(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
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
                # Each batch runs as a subflow execution, with a Subflow's trigger.
                children.append(rt.start_execution(namespace, flow_id, inputs, labels, taskrun,
                                                   revision=self.get("revision"), trigger_type=Subflow.type))
            except ValueError as exc:
                raise TaskFailed(str(exc)) from exc
        rt.memo(taskrun)["executions"] = children
        rt.save_memo(taskrun)
        if children:  # no batch: no outputs at all, as in Kestra
            rt.set_outputs(taskrun, {"numberOfBatches": len(children),
                                     "iterations": iteration_counts(["CREATED"] * len(children), True)})

    def poll(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> Any:
        children = rt.memo(taskrun).get("executions", [])
        if not children:
            return State.SUCCESS
        base = self._base(rt, taskrun)
        if not self.get("wait"):
            rt.set_outputs(taskrun, {"numberOfBatches": len(children), "subflowOutputsBaseUri": base,
                                     "iterations": iteration_counts(["SUCCESS"] * len(children), False)})
            return State.SUCCESS
        states = rt.execution_states(children)
        ordered = [states.get(child) for child in children]
        outputs = {"numberOfBatches": len(children), "iterations": iteration_counts(ordered, True)}
        if any(s not in ENDED for s in ordered):
            if outputs != taskrun.outputs:
                rt.set_outputs(taskrun, outputs)
            return None
        for iteration, child in enumerate(children):
            result = rt.execution_result(child)[1]
            if result:
                rt.put_bytes(taskrun, f"{iteration}/outputs.ion", (to_ion(result) + "\n").encode())
        rt.set_outputs(taskrun, {**outputs, "subflowOutputsBaseUri": base})
        return terminal_state(set(ordered), bool(self.get("transmitFailed")))

    @staticmethod
    def _base(rt: ExecutableRuntime, taskrun: TaskRunModel) -> str:
        """The taskrun's storage folder as a path (`/namespace/.../<taskrun id>`), the form
        Kestra's `subflowOutputsBaseUri` has."""
        return layout.path_of(rt.storage_uri(taskrun, "")).rstrip("/")

    def final_attempt(self, taskrun: TaskRunModel) -> list[dict[str, Any]] | None:
        """Kestra's ExecutableUtils.manageIterations gives the ended taskrun one
        attempt of a fresh state moved to the final one: CREATED, then that state.
        Without batches no subflow ran and the taskrun has none."""
        if not taskrun.memo.get("executions"):
            return None
        ended = taskrun.state_history[-1]
        return [{"state": "CREATED", "date": ended["date"]}, dict(ended)]

    def kill(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        for child in rt.memo(taskrun).get("executions", []):
            rt.kill_execution(child)


@register
class ForEachItemMergeOutputs(RunnableTask):
    type = MERGE_TYPE
    internal = True
    lightweight = True
    title = "Gather the outputs of a ForEachItem's subflows into one file."
    properties = (Property("itemsTaskId", required=True, dynamic=False),)
    outputs = (Output("subflowOutputs", "string", "URI of the subflows' outputs, one Ion line per subflow."),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        items = ctx.sibling_outputs(self.get("itemsTaskId")) or {}
        base = items.get("subflowOutputsBaseUri")
        if not base:
            return {}
        parts = []
        for iteration in range(int(items.get("numberOfBatches") or 0)):
            try:
                with ctx.open_file(layout.uri(f"{base}/{iteration}/outputs.ion")) as handle:
                    parts.append(handle.read())
            except StorageError:
                continue  # that subflow left no outputs
        if not parts:
            return {}
        return {"subflowOutputs": _write(ctx, "outputs.ion", b"".join(parts))}
