"""ForEach and its deprecated ancestors EachSequential and EachParallel.

Each value becomes an iteration: the children's taskruns carry the value, which keys
their outputs (`outputs.task['value'].value`) and is `taskrun.value` inside."""
import json

from plugins.context import TaskFailed
from plugins.flowable import Step
from plugins.properties import Property
from plugins.registry import register
from plugins.states import FAILING, is_terminal, worst
from plugins.task import FlowableTask

from .sequential import TASKS


def as_value(item) -> str:
    """Loop values are strings, as in Kestra: maps and lists become compact JSON."""
    if isinstance(item, str):
        return item
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (dict, list)):
        return json.dumps(item, separators=(",", ":"))
    return "null" if item is None else str(item)


def loop_values(rt, taskrun, raw, task_id: str) -> list[str]:
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
        nulls = sum(1 for v in rendered if v is None)
        if nulls:  # a null has no value to key outputs with; Kestra refuses the list
            raise TaskFailed(f"'{task_id}': found '{nulls}' null values on Each, with values={as_value(rendered)}")
        # Kestra keeps each distinct value once: a repeated value would key the same
        # outputs and the same taskruns, so it is one iteration, not two.
        memo["values"] = list(dict.fromkeys(as_value(v) for v in rendered))
        rt.save_memo(taskrun)
    return memo["values"]


def iterate(rt, taskrun, values, tasks, limit: int, inner) -> Step:
    """Run `inner(value)` for each value, at most `limit` iterations at once (0: all).

    Once an iteration failed nothing new is created, not even the next task of an
    iteration under way (Kestra then follows only the `errors` branch): the loop waits
    for what is still running and ends with the combined state."""
    create, states, running, pending = [], [], 0, []
    tasks = [t for t in tasks if not t.get("disabled")]
    first_id = tasks[0]["id"] if tasks else None
    for value in values:
        step = inner(value)
        if step.done:
            states.append(step.state)
        elif first_id is not None and rt.find(first_id, taskrun, value) is not None:
            running += 1
            create += step.create
        else:
            pending.append(step)
    if any(s in FAILING for s in states):
        ids = {t["id"] for t in tasks}
        if any(c.task_id in ids and not is_terminal(c.state) for c in rt.children(taskrun)):
            return Step()
        return Step(state=worst(states))
    slots = len(pending) if limit <= 0 else max(0, limit - running)
    for step in pending[:slots]:
        create += step.create
    if create or running or pending:
        return Step(create=create)
    return Step(state=worst(states))


class Loop(FlowableTask):
    """What ForEach, EachSequential and EachParallel share: render the values once, then
    run the iterations, at most `limit()` at a time."""

    values_property = "values"

    def limit(self) -> int:
        return 1

    def iteration(self, rt, taskrun, tasks, value, number):
        return rt.sequential(tasks, taskrun, value=value, iteration=True, number=number)

    def resolve(self, rt, taskrun):
        tasks = self.spec["tasks"]
        values = loop_values(rt, taskrun, self.spec[self.values_property], self.id)
        number = {value: n for n, value in enumerate(values)}  # `taskrun.iteration`, from 0
        step = iterate(rt, taskrun, values, tasks, self.limit(),
                       lambda v: self.iteration(rt, taskrun, tasks, v, number[v]))
        return self.tasks_with_handlers(rt, taskrun, step)


@register
class ForEach(Loop):
    type = "io.kestra.plugin.core.flow.ForEach"
    title = "Run the tasks once for each value of a list."
    description = ("`values` is a list or a JSON array string. Iterations run one at a time by default; "
                   "`concurrencyLimit` allows more (0: all at once). Inside, `taskrun.value` is the value.")
    properties = (
        Property("values", "any", required=True, description="A list, or a JSON array as a string."),
        TASKS,
        Property("concurrencyLimit", "integer", default=1, dynamic=False, minimum=0,  # Kestra's @PositiveOrZero
                 description="How many iterations run at once; 0 means no limit."),
    )

    def limit(self):
        return int(self.get("concurrencyLimit"))


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
    title = "For each value, run the tasks, all in parallel (deprecated: use ForEach)."
    deprecated = True
    values_property = "value"
    properties = (
        Property("value", "any", required=True, description="A list, or a JSON array as a string."),
        TASKS,
        Property("concurrent", "integer", default=0, dynamic=False,
                 description="How many values run at once; 0 means no limit."),
    )

    def limit(self):
        return int(self.get("concurrent") or 0)

    def iteration(self, rt, taskrun, tasks, value, number):
        return rt.parallel(tasks, taskrun, value=value, iteration=True, number=number)
