"""The triggers of the flows that may fire: enabled, non-deleted flows at their latest
revision, each parsed once per revision by this process (the parsed flow is only read)."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from executions.models import TriggerState
from flows.models import Flow
from flows.spec import FlowInvalid
from plugins.api.condition import FlowFacts

_parsed: dict[tuple[int, int, int], object] = {}


@dataclass(frozen=True)
class FlowTrigger:
    flow: Flow
    flow_labels: list
    spec: dict

    @property
    def facts(self) -> FlowFacts:
        return FlowFacts(self.flow.namespace, self.flow.flow_id, self.flow.revision)


def parsed(flow: Flow):
    """The flow's spec, or None when its saved source no longer validates. Keyed by the
    source's hash too: a database rolled back (tests) or restored gives a row id and a
    revision number to another flow, which must not get this one's triggers."""
    key = (flow.pk, flow.revision, hash(flow.source))
    if key not in _parsed:
        try:
            _parsed[key] = flow.spec()
        except FlowInvalid:
            _parsed[key] = None
    return _parsed[key]


def enabled_triggers(flows=None):
    """Every trigger not marked `disabled` in its flow, of every enabled flow."""
    for flow in flows if flows is not None else Flow.objects.filter(deleted=False, disabled=False):
        spec = parsed(flow)
        if spec is None:
            continue
        for trigger in spec.triggers:
            if trigger.get("disabled") is not True:
                yield FlowTrigger(flow, list(spec.labels or []), trigger)


def trigger_of(namespace: str, flow_id: str, trigger_id: str) -> FlowTrigger | None:
    flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False, disabled=False).first()
    if flow is None:
        return None
    return next((found for found in enabled_triggers([flow]) if found.spec.get("id") == trigger_id), None)


def create_missing_states(type_for, **initial) -> None:
    """A state for every trigger of an enabled flow that has none yet and whose type
    `type_for(spec)` gives (None: not this kind of trigger), with `initial` fields."""
    known = set(TriggerState.objects.values_list("namespace", "flow_id", "trigger_id"))
    for found in enabled_triggers():
        kind = type_for(found.spec)
        key = (found.flow.namespace, found.flow.flow_id, found.spec["id"])
        if kind is None or key in known:
            continue
        try:
            with transaction.atomic():
                TriggerState.objects.create(namespace=key[0], flow_id=key[1], trigger_id=key[2], trigger_type=kind.type,
                                            flow_revision=found.flow.revision, **initial)
        except IntegrityError:
            pass  # another scheduler created it first
