"""ForEachItem: split a file of internal storage into batches of lines and run one
subflow execution per batch, with `{{ taskrun.items }}` the URI of its batch and
`{{ taskrun.iteration }}` its number, counted from 0 as in Kestra since 1.1 (as ForEach)."""
from collections import Counter
from pathlib import PurePosixPath

from plugins.context import TaskFailed
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.states import State
from plugins.task import ExecutableTask

from .item_batches import split
from .subflow import TARGET, child_labels, outcome


@register
class ForEachItem(ExecutableTask):
    type = "io.kestra.plugin.core.flow.ForEachItem"
    aliases = ("io.kestra.core.tasks.flows.ForEachItem",)
    title = "Run a subflow for each batch of lines of a file."
    properties = (
        Property("items", required=True, description="URI of the file in internal storage to split."),
        Property("batch", "object", dynamic=False,
                 description="How to cut: `rows` per batch (default 1), `bytes` per batch (e.g. 10KB) or a "
                             "number of `partitions`; `separator` ends each row (default a newline)."),
        *TARGET,
    )
    outputs = (Output("numberOfBatches", "integer", "How many batches (and subflow executions)."),
               Output("iterations", "object", "Count of subflow executions by final state."))

    def start(self, rt, taskrun):
        uri = str(rt.render(self.spec["items"], taskrun))
        try:
            with rt.open_file(uri, "rb") as handle:
                data = handle.read()
        except Exception as exc:  # a missing or unreadable file fails the task with its reason
            raise TaskFailed(f"'{self.id}': cannot read items {uri}: {exc}") from exc
        try:
            contents = split(data, self.get("batch") or {}, lambda v: rt.render(v, taskrun))
        except ValueError as exc:
            raise TaskFailed(f"'{self.id}': {exc}") from exc
        extension = PurePosixPath(uri).suffix or ".tmp"  # batches keep the file's kind
        children = []
        namespace, flow_id = rt.render(self.spec["namespace"], taskrun), rt.render(self.spec["flowId"], taskrun)
        labels = child_labels(rt, self, taskrun)
        for iteration, content in enumerate(contents):
            batch_uri = rt.put_bytes(taskrun, f"batch-{iteration}{extension}", content)
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
        results = {outcome(s, bool(self.get("transmitFailed"))) for s in states.values()}
        for state in (State.FAILED, State.KILLED, State.WARNING):  # Kestra's order of precedence
            if state in results:
                return state
        return State.SUCCESS

    def kill(self, rt, taskrun):
        for child in rt.memo(taskrun).get("executions", []):
            rt.kill_execution(child)
