"""Saving flows: validated first, then stored with a new revision in one transaction,
so an invalid flow changes nothing."""
from __future__ import annotations

from django.db import transaction

from flows.models import Flow, FlowRevision, Namespace, Template
from flows.spec import parse_flow


@transaction.atomic
def save_flow(source: str) -> tuple[Flow, bool]:
    """Save a flow's YAML. Returns (flow, changed): a new revision only when the source
    differs from the current one. Raises flows.spec.FlowInvalid for an invalid flow."""
    spec = parse_flow(source)
    Namespace.ensure(spec.namespace)
    flow = Flow.objects.select_for_update().filter(namespace=spec.namespace, flow_id=spec.id).first()
    fields = {"description": spec.description or "", "labels": spec.labels, "disabled": bool(spec.disabled)}
    if flow is None:
        flow = Flow.objects.create(namespace=spec.namespace, flow_id=spec.id, revision=1, source=source, **fields)
    elif flow.source == source and not flow.deleted:
        return flow, False
    else:
        flow.revision += 1
        flow.source = source
        flow.deleted = False
        for name, value in fields.items():
            setattr(flow, name, value)
        flow.save()
    FlowRevision.objects.create(flow=flow, revision=flow.revision, source=source)
    return flow, True


@transaction.atomic
def save_template(source: str):
    """Save a Kestra template (id, namespace, description, tasks, errors). It has a
    flow's shape, so it is validated as one. Raises flows.spec.FlowInvalid."""
    spec = parse_flow(source)
    Namespace.ensure(spec.namespace)
    template, _ = Template.objects.update_or_create(
        namespace=spec.namespace, template_id=spec.id,
        defaults={"source": source, "description": spec.description or "", "tasks": spec.tasks,
                  "errors": spec.errors or []},
    )
    return template
