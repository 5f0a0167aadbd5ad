"""Kestra's io.kestra.plugin.core.execution tasks: Fail (end the task, and so the branch,
FAILED, optionally only when a condition holds), PurgeExecutions (delete ended executions
with their logs, metrics and files in bulk) and Resume (resume a paused execution).
(The execution's Labels task lives in plugins.core.labels.)"""
from __future__ import annotations

from typing import Any

import expressions
from plugins.api.context import ExecutionNotFound, ExecutionNotResumable, RunContext, TaskFailed
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.states import State
from plugins.api.task import RunnableTask

from .execution_target import target_execution
from .purge_filters import purge_filter, purge_scope, purge_window, text_list


@register
class Fail(RunnableTask):
    type = "io.kestra.plugin.core.execution.Fail"
    aliases = ("io.kestra.core.tasks.executions.Fail",)
    title = "Fail the execution."
    description = "Fails with `errorMessage`; with a `condition`, only when it renders true."
    lightweight = True
    properties = (
        Property("condition", description="Fail only when this renders true."),
        Property("errorMessage", default="Task failure", description="The error message."),
    )
    examples = (Example("Fail when an input asks for it", """\
id: fail_on_input
namespace: company.team
inputs:
  - id: param
    type: STRING
    defaults: go on
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ inputs.param == 'fail' }}"
    errorMessage: "Asked to fail by the input"
  - id: done
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.param }}"
""", full=True),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        condition = self.get("condition")
        if condition is not None and not expressions.is_truthy(ctx.render(condition)):
            return {}
        raise TaskFailed(str(ctx.render_property("errorMessage")))



@register
class PurgeExecutions(RunnableTask):
    type = "io.kestra.plugin.core.execution.PurgeExecutions"
    aliases = ("io.kestra.core.tasks.storages.Purge", "io.kestra.plugin.core.storage.Purge")
    title = "Purge executions, logs, metrics, and storage files."
    description = ("Ended executions of a namespace (and its children, unless `flowId` names one flow) that "
                   "started between `startDate` and `endDate`, of the given `states`; this execution is kept.")
    properties = (
        *purge_scope("executions"),
        *purge_window("executions that started"),
        Property("states", "array", description="Purge executions in these states only."),
        Property("purgeExecution", "boolean", default=True, description="Delete the executions."),
        Property("purgeLog", "boolean", default=True, description="Delete their logs."),
        Property("purgeMetric", "boolean", default=True, description="Delete their metrics."),
        Property("purgeStorage", "boolean", default=True, description="Delete their internal storage files."),
        Property("batchSize", "integer", default=100, minimum=1, description="Executions deleted per batch."),
    )
    outputs = (
        Output("executionsCount", "integer", "The count of deleted executions."),
        Output("taskOutputsCount", "integer", "The count of deleted task outputs."),
        Output("logsCount", "integer", "The count of deleted logs."),
        Output("storagesCount", "integer", "The count of deleted storage files."),
        Output("metricsCount", "integer", "The count of deleted metrics."),
    )
    examples = (Example("Purge what ended more than a month ago",
                        "id: purge\ntype: io.kestra.plugin.core.execution.PurgeExecutions\n"
                        "endDate: \"{{ now() | dateAdd(-1, 'MONTHS') }}\"\n"
                        "states: [KILLED, FAILED, WARNING, SUCCESS]"),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        states = text_list(ctx, "states")
        unknown = [state for state in states if state not in State.__members__]
        if unknown:
            raise TaskFailed(f"states: unknown state {unknown[0]!r}")
        return ctx.purge_executions(purge_filter(ctx, states=states),
                                    executions=bool(ctx.render_property("purgeExecution", True)),
                                    logs=bool(ctx.render_property("purgeLog", True)),
                                    metrics=bool(ctx.render_property("purgeMetric", True)),
                                    storage=bool(ctx.render_property("purgeStorage", True)),
                                    batch_size=ctx.render_property("batchSize"))  # declared: integer, at least 1


@register
class Resume(RunnableTask):
    type = "io.kestra.plugin.core.execution.Resume"
    title = "Resume a paused execution."
    description = ("The execution `executionId` (this one when unset) of the flow `namespace`.`flowId` (this "
                   "flow when unset) is resumed; `inputs` are given to its waiting Pause as onResume inputs.")
    properties = (
        Property("namespace", description="The namespace of the execution's flow (this flow's when unset)."),
        Property("flowId", description="The execution's flow (this flow when unset)."),
        Property("executionId", description="The execution to resume (this one when unset)."),
        Property("inputs", "object", description="Inputs given to the execution when it's resumed."),
    )
    examples = (Example("Resume the execution that triggered this one",
                        "id: resume\ntype: io.kestra.plugin.core.execution.Resume\n"
                        "namespace: \"{{ trigger.namespace }}\"\nflowId: \"{{ trigger.flowId }}\"\n"
                        "executionId: \"{{ trigger.executionId }}\"",
                        # A paused execution of another flow, started elsewhere: validated, not run.
                        services=("a paused execution",)),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        inputs = ctx.render_property("inputs")
        if inputs is not None and not isinstance(inputs, dict):
            raise TaskFailed(f"inputs must be a map of input id to value, not {inputs!r}")
        target = target_execution(ctx)
        try:
            ctx.resume_execution(target, inputs or None)
        except (ExecutionNotFound, ExecutionNotResumable) as refused:
            raise TaskFailed(str(refused)) from None
        ctx.logger.info(f"Resumed execution {target.id} of flow {target.namespace}.{target.flow_id}")
        return {}
