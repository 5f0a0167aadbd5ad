"""Creating, updating and deleting a flow as Kestra's FlowController does: a create
refuses an id in use, an update must keep the flow's namespace and id, a delete is
soft (the flow is kept, marked deleted, and a later save revives it with a new
revision). Each raises flows.spec.FlowInvalid naming the field, so an API answers 422
with a pointer, and changes nothing when it refuses."""
from __future__ import annotations

from django.db import transaction

from flows.models import Flow
from flows.renames import renamed
from flows.services import save_flow
from flows.spec import FlowInvalid, SpecError, parse_flow
from flows.spec.yaml_lines import line_of, load


def _at(source: str, key: str, message: str) -> FlowInvalid:
    return FlowInvalid([SpecError(key, message, line_of(load(source), key))])


def live_flow(namespace: str, flow_id: str) -> Flow | None:
    """The flow if it exists and is not deleted."""
    return Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()


@transaction.atomic
def create_flow(source: str) -> Flow:
    """A new flow; FlowInvalid when invalid or when its id is already in use."""
    spec = parse_flow(source)
    if Flow.objects.select_for_update().filter(namespace=spec.namespace, flow_id=spec.id, deleted=False).exists():
        raise _at(source, "id", f"Flow id already exists: {spec.namespace}.{spec.id}")
    return save_flow(source)[0]


@transaction.atomic
def update_flow(flow: Flow, source: str) -> Flow:
    """`flow` with the new source (a new revision when it changed); FlowInvalid when
    the source is invalid or names another namespace or id."""
    parse_flow(source)
    problems = renamed(source, flow.namespace, flow.flow_id)
    if problems:
        raise FlowInvalid(problems)
    return save_flow(source)[0]


def delete_flow(flow: Flow) -> None:
    """Soft delete: executions keep their flow and revision history."""
    flow.deleted = True
    flow.save(update_fields=["deleted", "updated"])
