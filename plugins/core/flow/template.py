"""Template (deprecated in Kestra, still found in older flows): inline the tasks of a
saved template, run in order; `args` are available as `parent.outputs.args`."""
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.flowable import FlowableRuntime, Step
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel


@register
class Template(FlowableTask):
    type = "io.kestra.plugin.core.flow.Template"
    aliases = ("io.kestra.core.tasks.flows.Template",)
    title = "Run the tasks of a saved template."
    deprecated = True
    properties = (
        Property("namespace", required=True, dynamic=False, description="Namespace of the template."),
        Property("templateId", required=True, dynamic=False, description="Id of the template."),
        Property("args", "object", description="Arguments, available to the template's tasks as parent.outputs.args."),
    )
    outputs = (Output("args", "object", "The rendered arguments."),)

    def _load(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        memo = rt.memo(taskrun)
        if "templateTasks" not in memo:
            saved = rt.template(self.spec["namespace"], self.spec["templateId"])
            if saved is None:
                raise TaskFailed(f"Template '{self.spec['namespace']}.{self.spec['templateId']}' does not exist")
            memo["templateTasks"], memo["templateErrors"] = saved
            rt.inline(taskrun, [*memo["templateTasks"], *memo["templateErrors"]])
            rt.set_outputs(taskrun, {"args": rt.render(self.get("args") or {}, taskrun)})
        tasks: list[dict[str, Any]] = memo["templateTasks"]
        errors: list[dict[str, Any]] = memo["templateErrors"]
        return tasks, errors

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        tasks, errors = self._load(rt, taskrun)
        step = rt.sequential(tasks, taskrun)
        return rt.with_handlers(step, taskrun, [*(self.spec.get("errors") or []), *errors], self.spec.get("finally"))
