"""Which execution a task acting on another one means, by Kestra's rules
(PluginUtilsService#executionFromTaskParameters), shared by the log Fetch and Resume."""
from __future__ import annotations

from plugins.api.context import ExecutionInfo, RunContext, TaskFailed

from .purge_filters import optional_text


def target_execution(ctx: RunContext) -> ExecutionInfo:
    """No `executionId`: this execution. An id alone: an execution of this flow. An id
    with `namespace` and `flowId`: an execution of that flow. Any other mix is refused
    with Kestra's words."""
    namespace, flow_id = optional_text(ctx, "namespace"), optional_text(ctx, "flowId")
    execution_id = optional_text(ctx, "executionId")
    if execution_id is None:
        if namespace is not None or flow_id is not None:
            raise TaskFailed("`namespace` and `flowId` should only be set when `executionId` is set.")
        return ExecutionInfo(ctx.execution_id, ctx.namespace, ctx.flow_id)
    if (namespace is None) != (flow_id is None):
        raise TaskFailed("Both `namespace` and `flowId` must be set when `executionId` is set.")
    return ExecutionInfo(execution_id, namespace or ctx.namespace, flow_id or ctx.flow_id)
