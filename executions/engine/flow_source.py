"""The YAML source of the flow revision an execution runs: what its flow index is built
from, by the executor, the operations and a runtime rendering in another execution."""
from __future__ import annotations

from executions.models import Execution
from flows.models import FlowRevision


def flow_source(execution: Execution) -> str:
    return FlowRevision.objects.only("source").get(
        flow__namespace=execution.namespace, flow__flow_id=execution.flow_id, revision=execution.flow_revision
    ).source
