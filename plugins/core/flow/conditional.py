"""If and Switch: run the branch a rendered value selects."""
from typing import Any

import expressions
from plugins.api.context import TaskFailed
from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel

from .branch_choice import chosen


@register
class If(FlowableTask):
    type = "io.kestra.plugin.core.flow.If"
    aliases = ("io.kestra.core.tasks.flows.If",)
    title = "Run `then` when the condition renders true, else `else`."
    examples = (Example("Branch on an input", """\
id: if_example
namespace: company.team
inputs:
  - id: size
    type: INT
    defaults: 12
tasks:
  - id: big
    type: io.kestra.plugin.core.flow.If
    condition: "{{ inputs.size > 10 }}"
    then:
      - id: large
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.size }} is large"
    else:
      - id: small
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.size }} is small"
""", full=True),)
    properties = (
        Property("condition", required=True, description="An expression rendered to true or false."),
        Property("then", "tasks", required=True, dynamic=False, description="Tasks run when true."),
        Property("else", "tasks", dynamic=False, description="Tasks run when false."),
    )

    outputs = (Output("evaluationResult", "boolean", "Whether the condition rendered true."),)

    def _decide(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> str:
        """Render the condition once; its result is the task's `evaluationResult` output,
        as in Kestra (so `outputs.<id>.evaluationResult` and `parent.outputs` see it)."""
        result = expressions.is_truthy(rt.render(self.spec["condition"], taskrun))
        rt.set_outputs(taskrun, {"evaluationResult": result})
        return "then" if result else "else"

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        branch = chosen(rt, taskrun, lambda: self._decide(rt, taskrun))
        return self.tasks_with_handlers(rt, taskrun, rt.sequential(self.spec.get(branch) or [], taskrun))


@register
class Switch(FlowableTask):
    type = "io.kestra.plugin.core.flow.Switch"
    aliases = ("io.kestra.core.tasks.flows.Switch",)
    title = "Run the tasks of the case matching a value."
    examples = (Example("Run the case of an input's value", """\
id: switch_example
namespace: company.team
inputs:
  - id: format
    type: SELECT
    values: [csv, json]
    defaults: json
tasks:
  - id: by_format
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ inputs.format }}"
    cases:
      csv:
        - id: csv
          type: io.kestra.plugin.core.log.Log
          message: comma separated
      json:
        - id: json
          type: io.kestra.plugin.core.log.Log
          message: objects
    defaults:
      - id: other
        type: io.kestra.plugin.core.log.Log
        message: "unknown format {{ inputs.format }}"
""", full=True),)
    description = "Renders `value` and runs the case with that key, else `defaults`; fails when neither exists."
    properties = (
        Property("value", required=True, description="The rendered value choosing the case."),
        Property("cases", "object", dynamic=False, description="Map of value to the tasks to run."),
        Property("defaults", "tasks", dynamic=False, description="Tasks run when no case matches."),
    )
    outputs = (Output("value", "string", "The rendered value."), Output("defaults", "boolean", "Whether defaults ran."))

    @classmethod
    def nested_task_lists(cls, spec: dict[str, Any]) -> dict[str, list[Any]]:
        lists = super().nested_task_lists(spec)
        for key, tasks in (spec.get("cases") or {}).items() if isinstance(spec.get("cases"), dict) else ():
            if isinstance(tasks, list):
                lists[f"cases.{key}"] = tasks
        return lists

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        cases = spec.get("cases")
        if cases is not None and not isinstance(cases, dict):
            return [("cases", "must be a map of value to a list of tasks")]
        if not cases and not spec.get("defaults"):
            return [("cases", "at least one case or defaults is required")]
        return []

    def _decide(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> str:
        value = rt.render(self.spec["value"], taskrun)
        value = "" if value is None else str(value)
        cases = {str(k): v for k, v in (self.spec.get("cases") or {}).items()}
        if value in cases:
            branch = f"cases.{value}"
        elif self.spec.get("defaults"):
            branch = "defaults"
        else:
            raise TaskFailed(f"Switch '{self.id}': no case matches the value '{value}' and there are no defaults")
        rt.set_outputs(taskrun, {"value": value, "defaults": branch == "defaults"})
        return branch

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        branch = chosen(rt, taskrun, lambda: self._decide(rt, taskrun))
        cases = {str(k): v for k, v in (self.spec.get("cases") or {}).items()}
        tasks: list[dict[str, Any]] = self.spec["defaults"] if branch == "defaults" else cases[branch[len("cases."):]]
        return self.tasks_with_handlers(rt, taskrun, rt.sequential(tasks, taskrun))
