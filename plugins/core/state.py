"""Kestra's deprecated state tasks (io.kestra.plugin.core.state, formerly
io.kestra.core.tasks.states): Get, Set and Delete a JSON map kept in internal storage
per flow (or per namespace with `namespace: true`), apart per taskrun value unless
`taskrunValue: false`. Set merges into what is there, maps deeply, as Kestra's
MapUtils.merge does; like Kestra's, it is not safe against concurrent executions."""
from __future__ import annotations

import json
from typing import Any

from plugins.api.context import RunContext, TaskFailed, TaskStateFile
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

STATE_PROPERTIES = (
    Property("name", default="default", description="The name of the state file."),
    Property("namespace", "boolean", default=False,
             description="Share the state with the whole namespace instead of this flow only."),
    Property("taskrunValue", "boolean", default=True,
             description="Keep a state apart for each taskrun.value (in loops)."),
)


def _state(ctx: RunContext) -> tuple[str, TaskStateFile]:
    name = str(ctx.render_property("name", "default"))
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise TaskFailed(f"name: {name!r} is not a state file name")
    shared = bool(ctx.render_property("namespace", False))
    return name, ctx.task_state(name, flow_wide=not shared, by_value=bool(ctx.render_property("taskrunValue", True)))


def _read(state: TaskStateFile) -> dict[str, Any] | None:
    data = state.read()
    if data is None:
        return None
    parsed = json.loads(data)
    return parsed if isinstance(parsed, dict) else {}


def merge(current: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Kestra's MapUtils.merge: keys of `new` win; maps on both sides merge deeply."""
    merged = dict(current)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@register
class Get(RunnableTask):
    type = "io.kestra.plugin.core.state.Get"
    aliases = ("io.kestra.core.tasks.states.Get",)
    title = "Get a state from the state store (deprecated: use the KV store)."
    deprecated = True
    lightweight = True
    properties = STATE_PROPERTIES + (
        Property("errorOnMissing", "boolean", default=False, description="Fail when the state file is missing."),
    )
    outputs = (Output("count", "integer", "The count of properties found in the state."),
               Output("data", "object", "The data of the state."))
    examples = (Example("Get the `myState` state of this flow",
                        "id: get_state\ntype: io.kestra.plugin.core.state.Get\nname: myState"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        name, state = _state(ctx)
        data = _read(state)
        if data is None:
            if ctx.render_property("errorOnMissing"):
                raise TaskFailed(f"Unable to find the state file '{name}'")
            data = {}
        return {"count": len(data), "data": data}


@register
class Set(RunnableTask):
    type = "io.kestra.plugin.core.state.Set"
    aliases = ("io.kestra.core.tasks.states.Set",)
    title = "Set a state in the state store (deprecated: use the KV store)."
    description = "The data is merged into the state: new keys are added, existing ones replaced."
    deprecated = True
    lightweight = True
    properties = STATE_PROPERTIES + (Property("data", "object", description="The data to store in the state."),)
    outputs = (Output("count", "integer", "The count of properties in the state."),
               Output("key", "string", "The key (URI) of the state file."))
    examples = (Example("Remember this execution's id under a name given as input", full=True, code="""\
id: set_state
namespace: company.team
inputs:
  - id: store
    type: STRING
    defaults: last_run
tasks:
  - id: set_state
    type: io.kestra.plugin.core.state.Set
    data:
      '{{ inputs.store }}': '{{ execution.id }}'
""", inputs={"store": "last_run"}),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        _, state = _state(ctx)
        data = ctx.render_property("data") or {}
        if not isinstance(data, dict):
            raise TaskFailed(f"data must be a map, not {data!r}")
        merged = merge(_read(state) or {}, {str(key): value for key, value in data.items()})
        key = state.write(json.dumps(merged, separators=(",", ":")).encode())
        return {"count": len(merged), "key": key}


@register
class Delete(RunnableTask):
    type = "io.kestra.plugin.core.state.Delete"
    aliases = ("io.kestra.core.tasks.states.Delete",)
    title = "Delete a state from the state store (deprecated: use the KV store)."
    deprecated = True
    lightweight = True
    properties = STATE_PROPERTIES + (
        Property("errorOnMissing", "boolean", default=False, description="Fail when the state file is missing."),
    )
    outputs = (Output("deleted", "boolean", "Whether the state file was deleted."),)
    examples = (Example("Delete the `myState` state of this flow",
                        "id: delete_state\ntype: io.kestra.plugin.core.state.Delete\nname: myState"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        name, state = _state(ctx)
        deleted = state.delete()
        if not deleted and ctx.render_property("errorOnMissing"):
            raise TaskFailed(f"Unable to find the state file '{name}'")
        return {"deleted": deleted}
