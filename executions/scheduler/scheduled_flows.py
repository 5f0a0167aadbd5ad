"""The triggers of the flows that may fire: enabled, non-deleted flows at their latest
revision, each parsed once per revision by this process (the parsed flow is only read)."""
from __future__ import annotations

from dataclasses import dataclass

from flows.models import Flow
from flows.spec import FlowInvalid
from plugins.condition import FlowFacts

_parsed: dict[tuple[int, int], object] = {}


@dataclass(frozen=True)
class FlowTrigger:
    flow: Flow
    flow_labels: list
    spec: dict

    @property
    def facts(self) -> FlowFacts:
        return FlowFacts(self.flow.namespace, self.flow.flow_id, self.flow.revision)


def parsed(flow: Flow):
    """The flow's spec, or None when its saved source no longer validates."""
    key = (flow.pk, flow.revision)
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
