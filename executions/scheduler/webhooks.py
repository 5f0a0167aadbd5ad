"""The scheduler's side of a webhook request (the view is api.webhook): what the
Webhook trigger's conditions are tested against."""
from __future__ import annotations

from executions.labels import labels_map
from plugins.api.condition import ConditionContext, ExecutionFacts

from .firing import flow_variables
from .scheduled_flows import FlowTrigger


def condition_context(found: FlowTrigger, trigger: dict) -> ConditionContext:
    """The flow, the execution about to be created (Kestra's ExecutionController builds
    it before it tests the conditions) and the request as `trigger`."""
    flow = found.flow
    execution = ExecutionFacts(id="", namespace=flow.namespace, flow_id=flow.flow_id, state="CREATED",
                               flow_revision=flow.revision, labels=tuple(labels_map(found.flow_labels).items()))
    return ConditionContext(found.facts, execution, {**flow_variables(flow), "trigger": trigger})
