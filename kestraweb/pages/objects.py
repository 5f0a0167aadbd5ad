"""The one flow or execution a page is about, found by its path and checked against
the user's role first: a namespace the user may not read answers 404 whether or not
the object exists (kestraweb.pages.access)."""
from __future__ import annotations

from django.http import Http404

from executions.models import Execution
from flows.models import Flow, FlowRevision

from .access import require_read, require_write


def flow_at(user, namespace: str, flow_id: str, write: bool = False) -> Flow:
    (require_write if write else require_read)(user, namespace)
    flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
    if flow is None:
        raise Http404(f"no flow {namespace}.{flow_id}")
    return flow


def execution_at(user, namespace: str, flow_id: str, execution_id: str, write: bool = False) -> Execution:
    (require_write if write else require_read)(user, namespace)
    execution = Execution.objects.filter(id=execution_id, namespace=namespace, flow_id=flow_id).first()
    if execution is None:
        raise Http404(f"no execution {execution_id} of {namespace}.{flow_id}")
    return execution


def source_of(execution: Execution) -> str | None:
    """The YAML of the flow revision the execution runs (not the flow's latest one)."""
    return FlowRevision.objects.filter(flow__namespace=execution.namespace, flow__flow_id=execution.flow_id,
                                       revision=execution.flow_revision).values_list("source", flat=True).first()
