"""TemplatedTask: a task whose whole YAML is rendered at run time, then run, as Kestra's
io.kestra.plugin.core.templating.TemplatedTask does. The rendered task must be a
runnable task and not a TemplatedTask. Kestra deserializes the rendered spec into the
task's class, so here the spec is checked against the task's declared properties (an
invalid one fails with its name) and each property is read as its declared kind, the
same way as on the normal run path (plugins.api.declared_render): the text "5" an
integer, "true" a boolean. Properties are rendered again as the task reads them, as in
Kestra, and the task runs in this taskrun."""
from __future__ import annotations

import json
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.declared_render import render_declared
from plugins.api.properties import Example, Property
from plugins.api.property_values import problems
from plugins.api.registry import register, resolve_plugin
from plugins.api.task import RunnableTask

# The rendered YAML is read by the expressions' own bounded yaml() (alias bombs and deep
# nesting end with a named limit), under this variable name.
SPEC_VARIABLE = "templatedTaskSpec"


class _TemplatedContext:
    """The run context as the rendered task sees it: its properties are its own spec's,
    read as their declared kinds."""

    def __init__(self, ctx: RunContext, task: RunnableTask):
        self._ctx, self._task = ctx, task

    def render_property(self, name: str, default: Any = None) -> Any:
        return render_declared(self._ctx.render, self._task.spec, name, default)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ctx, name)


@register
class TemplatedTask(RunnableTask):
    type = "io.kestra.plugin.core.templating.TemplatedTask"
    aliases = ("io.kestra.core.tasks.templating.TemplatedTask",)
    title = "Render and run a task from a templated spec."
    description = "`spec` is rendered, read as YAML and run; it must be a runnable task, not a TemplatedTask."
    properties = (Property("spec", required=True, description="The templated task specification (YAML)."),)
    examples = (Example("Choose a property at run time", full=True, code="""\
id: templated
namespace: company.team
inputs:
  - id: property
    type: STRING
    defaults: message
  - id: value
    type: STRING
    defaults: hello
tasks:
  - id: templated
    type: io.kestra.plugin.core.templating.TemplatedTask
    spec: |
      type: io.kestra.plugin.core.log.Log
      {{ inputs.property }}: {{ inputs.value }}
""",
                        inputs={"property": "message", "value": "hello"}),)

    def run(self, ctx: RunContext) -> dict[str, Any] | None:
        text = ctx.render_property("spec")
        spec = json.loads(ctx.render("{{ yaml(" + SPEC_VARIABLE + ") | toJson }}", extra={SPEC_VARIABLE: text}))
        task = _task_of(spec, self.id)
        return task.run(_TemplatedContext(ctx, task))


def _task_of(spec: Any, own_id: str) -> RunnableTask:
    if not isinstance(spec, dict) or not spec.get("type"):
        raise TaskFailed("The templated task spec must render to a YAML map with a type")
    cls = resolve_plugin(str(spec["type"]))
    if cls is TemplatedTask:
        raise TaskFailed(f"The templated task cannot be of type '{TemplatedTask.type}'")
    if cls is None or not issubclass(cls, RunnableTask) or cls.flowable or cls.executable:
        raise TaskFailed(f"The templated task must be a runnable task, not '{spec['type']}'")
    spec = {"id": own_id, **spec}
    declared = cls.declared()
    unknown = sorted(set(spec) - set(declared) - {"type"})
    if unknown:
        raise TaskFailed(f"The templated task {spec['type']} has no property '{unknown[0]}'")
    missing = [name for name, prop in declared.items() if prop.required and name not in spec]
    if missing:
        raise TaskFailed(f"The templated task {spec['type']} needs its property '{missing[0]}'")
    # The first problem only, as deserializing into Kestra's task class stops at it.
    invalid = [(name, problem) for name, value in spec.items() if name not in ("id", "type")
               for problem in problems(declared[name], value)]
    if invalid:
        name, problem = invalid[0]
        raise TaskFailed(f"Invalid property '{name}{problem.sub}' of the templated task {spec['type']}: "
                         f"{problem.message}")
    checked = cls.check(spec)
    if checked:
        sub, message = checked[0]
        raise TaskFailed(f"Invalid templated task {spec['type']}" + (f" at '{sub}'" if sub else "") + f": {message}")
    return cls(spec)
