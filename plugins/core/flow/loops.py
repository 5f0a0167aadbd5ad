"""ForEach and its deprecated ancestors EachSequential and EachParallel.

Each value becomes an iteration: the children's taskruns carry the value, which keys
their outputs (`outputs.task['value'].value`) and is `taskrun.value` inside."""
import json
from collections.abc import Callable
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.flowable import Child, ChildLayout, FlowableRuntime, Step
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.states import FAILING, State, is_terminal, worst
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

from .sequential import TASKS


def as_value(item: Any) -> str:
    """Loop values are strings, as in Kestra: maps and lists become compact JSON."""
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (dict, list)):
        return json.dumps(item, separators=(",", ":"))
    return "null" if item is None else str(item)


def loop_values(rt: FlowableRuntime, taskrun: TaskRunModel, raw: Any, task_id: str) -> list[str]:
    """The rendered values, once per taskrun (remembered so later rounds see the same list)."""
    memo = rt.memo(taskrun)
    if "values" not in memo:
        rendered = rt.render(raw, taskrun)
        if isinstance(rendered, str):
            text = rendered.strip()
            if not text:  # `{{ null }}` or an undefined-safe expression that gave nothing
                raise TaskFailed(f"'{task_id}': values must not be null")
            try:
                rendered = json.loads(text)
            except ValueError as exc:
                raise TaskFailed(f"'{task_id}': values must be a list or a JSON array, got {text[:100]!r}") from exc
        if rendered is None:
            raise TaskFailed(f"'{task_id}': values must not be null")
        if not isinstance(rendered, list):
            raise TaskFailed(f"'{task_id}': values must be a list or a JSON array, got {type(rendered).__name__}")
        if len(rendered) > rt.loop_max_values:
            raise TaskFailed(f"'{task_id}': {len(rendered)} values are more than the {rt.loop_max_values} a loop may "
                             "take (setting KESTRAWEB_LOOP_MAX_VALUES)")
        nulls = sum(1 for v in rendered if v is None)
        if nulls:  # a null has no value to key outputs with; Kestra refuses the list
            raise TaskFailed(f"'{task_id}': found '{nulls}' null values on Each, with values={as_value(rendered)}")
        # Kestra keeps each distinct value once: a repeated value would key the same
        # outputs and the same taskruns, so it is one iteration, not two.
        memo["values"] = list(dict.fromkeys(as_value(v) for v in rendered))
        rt.save_memo(taskrun)
    values: list[str] = memo["values"]
    return values


class LoopProgress:
    """Where a loop stands, derived from its children once and then kept up to date
    round by round (in `rt.scratch`), so that a round costs the iterations under way
    and the ones it starts, not all the values: a loop of n values runs in time linear
    in n. Values start in their order, so all those begun come before all those not."""

    def __init__(self, values: list[str]) -> None:
        self.values = values
        self.number = {value: n for n, value in enumerate(values)}  # `taskrun.iteration`, from 0
        self.next = 0  # values[next:] have not been looked at yet
        self.started: dict[str, None] = {}  # iterations under way, in order
        self.states: list[Any] = []  # the final states of the finished iterations
        self.failed = False

    @classmethod
    def of(cls, rt: FlowableRuntime, taskrun: TaskRunModel, values: list[str]) -> "LoopProgress":
        scratch = rt.scratch(taskrun)
        if scratch.get("loop") is None or scratch["loop"].values is not values:
            scratch["loop"] = cls(values)
        progress: LoopProgress = scratch["loop"]
        return progress

    def finished(self, state: State) -> None:
        self.states.append(state)
        self.failed = self.failed or state in FAILING


def iterate(rt: FlowableRuntime, taskrun: TaskRunModel, values: list[str], tasks: list[dict[str, Any]], limit: int,
            inner: Callable[[str], Step]) -> Step:
    """Run `inner(value)` for each value, at most `limit` iterations at once (0: all).

    Once an iteration failed nothing new is created, not even the next task of an
    iteration under way, and the loop ends FAILED at once, without waiting for the
    iterations still running (Kestra 1.x's FlowableUtils.resolveState: the failure and
    the `errors`/`finally` handlers decide); the executor then gives the ended loop's
    state to those. After a kill the running iterations finish first."""
    progress = LoopProgress.of(rt, taskrun, values)
    tasks = [t for t in tasks if not t.get("disabled")]
    first_id = tasks[0]["id"] if tasks else None
    create: list[Child] = []
    for value in list(progress.started):
        step = inner(value)
        if step.done:
            progress.finished(step.state)
            del progress.started[value]
        else:
            create += step.create
    while progress.next < len(values):
        value = values[progress.next]
        begun = first_id is None or rt.find(first_id, taskrun, value) is not None
        if not begun and (progress.failed or 0 < limit <= len(progress.started)):
            break  # no new iteration after a failure, nor beyond the limit
        step = inner(value)
        progress.next += 1
        if step.done:
            progress.finished(step.state)
        else:
            progress.started[value] = None
            create += step.create
    if State.FAILED in progress.states:
        return Step(state=worst(progress.states))
    if progress.failed:
        ids = [t["id"] for t in tasks]
        running = (rt.find(task_id, taskrun, value) for value in progress.started for task_id in ids)
        if any(tr is not None and not is_terminal(tr.state) for tr in running):
            return Step()
        return Step(state=worst(progress.states))
    if create or progress.started or progress.next < len(values):
        return Step(create=create)
    return Step(state=worst(progress.states))


class Loop(FlowableTask):
    """What ForEach, EachSequential and EachParallel share: render the values once, then
    run the iterations, at most `limit()` at a time."""

    values_property = "values"

    def limit(self) -> int:
        return 1

    def iteration(self, rt: FlowableRuntime, taskrun: TaskRunModel, tasks: list[dict[str, Any]], value: str,
                  number: int) -> Step:
        return rt.sequential(tasks, taskrun, value=value, iteration=True, number=number)

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        tasks = self.spec["tasks"]
        values = loop_values(rt, taskrun, self.spec[self.values_property], self.id)
        number = LoopProgress.of(rt, taskrun, values).number
        step = iterate(rt, taskrun, values, tasks, self.limit(),
                       lambda v: self.iteration(rt, taskrun, tasks, v, number[v]))
        return self.tasks_with_handlers(rt, taskrun, step)


@register
class ForEach(Loop):
    type = "io.kestra.plugin.core.flow.ForEach"
    title = "Run the tasks once for each value of a list."
    examples = (Example("Log each value, two at a time", """\
id: each
type: io.kestra.plugin.core.flow.ForEach
values: ["alpha", "beta", "gamma"]
concurrencyLimit: 2
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ taskrun.value }}"
"""),)
    description = ("`values` is a list or a JSON array string. Iterations run one at a time by default; "
                   "`concurrencyLimit` allows more (0: all at once). Inside, `taskrun.value` is the value.")
    properties = (
        Property("values", "any", required=True, description="A list, or a JSON array as a string."),
        TASKS,
        Property("concurrencyLimit", "integer", default=1, dynamic=False, minimum=0,  # Kestra's @PositiveOrZero
                 description="How many iterations run at once; 0 means no limit."),
    )

    def limit(self) -> int:
        return int(self.get("concurrencyLimit"))

    def layout_of_children(self) -> ChildLayout:
        """Kestra draws a ForEach in sequence only when one iteration runs at a time."""
        return ChildLayout.SEQUENCE if self.limit() == 1 else ChildLayout.SIDE_BY_SIDE


@register
class EachSequential(Loop):
    type = "io.kestra.plugin.core.flow.EachSequential"
    aliases = ("io.kestra.core.tasks.flows.EachSequential",)
    title = "For each value, run the tasks; one value after the other (deprecated: use ForEach)."
    deprecated = True
    values_property = "value"
    properties = (Property("value", "any", required=True, description="A list, or a JSON array as a string."), TASKS)


@register
class EachParallel(Loop):
    type = "io.kestra.plugin.core.flow.EachParallel"
    aliases = ("io.kestra.core.tasks.flows.EachParallel",)
    children_layout = ChildLayout.SIDE_BY_SIDE
    title = "For each value, run the tasks, all in parallel (deprecated: use ForEach)."
    deprecated = True
    values_property = "value"
    properties = (
        Property("value", "any", required=True, description="A list, or a JSON array as a string."),
        TASKS,
        Property("concurrent", "integer", default=0, dynamic=False,
                 description="How many values run at once; 0 means no limit."),
    )

    def limit(self) -> int:
        return int(self.get("concurrent") or 0)

    def iteration(self, rt: FlowableRuntime, taskrun: TaskRunModel, tasks: list[dict[str, Any]], value: str,
                  number: int) -> Step:
        return rt.parallel(tasks, taskrun, value=value, iteration=True, number=number)
