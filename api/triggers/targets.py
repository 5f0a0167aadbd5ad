"""The triggers a request body names (Kestra's Trigger JSON: namespace, flowId,
triggerId), each checked against the user's role before anything changes."""
from __future__ import annotations

from executions.models import TriggerState

from ..access import WRITE, require
from ..problems import FieldError, NotFound, Unprocessable

KEYS = ("namespace", "flowId", "triggerId")


def key_of(item, pointer: str = "") -> tuple[str, str, str]:
    if not isinstance(item, dict):
        raise Unprocessable("A trigger must be a JSON object with namespace, flowId and triggerId",
                            [FieldError("must be an object", pointer or None)])
    missing = [key for key in KEYS if not isinstance(item.get(key), str) or not item.get(key)]
    if missing:
        raise Unprocessable(f"Trigger is missing {', '.join(missing)}",
                            [FieldError("required property missing", f"{pointer}{key}") for key in missing])
    return item["namespace"], item["flowId"], item["triggerId"]


def state_of(request, namespace: str, flow_id: str, trigger_id: str, action: str = WRITE) -> TriggerState:
    require(request, action, namespace)
    state = TriggerState.objects.filter(namespace=namespace, flow_id=flow_id, trigger_id=trigger_id).first()
    if state is None:
        raise NotFound(f"Trigger not found: {namespace}.{flow_id}.{trigger_id}")
    return state


def state_in_body(request, item, pointer: str = "") -> TriggerState:
    return state_of(request, *key_of(item, pointer))


def states_in_list(request, items) -> list[TriggerState]:
    """Every trigger of a list body; unknown ones are skipped (a bulk action counts
    what it did), a trigger the user may not change is a 403."""
    if not isinstance(items, list):
        raise Unprocessable("Expected a JSON list of triggers", [FieldError("must be a list")])
    keys = [key_of(item, f"[{index}].") for index, item in enumerate(items)]
    for namespace, _, _ in keys:
        require(request, WRITE, namespace)
    states = []
    for namespace, flow_id, trigger_id in keys:
        state = TriggerState.objects.filter(namespace=namespace, flow_id=flow_id, trigger_id=trigger_id).first()
        if state is not None:
            states.append(state)
    return states
