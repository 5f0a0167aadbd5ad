"""A new execution that is another attempt of an earlier one: what Kestra's
ExecutionService.replay builds, for a replay asked by a person and for a retry with
`behavior: CREATE_NEW_EXECUTION`, and the bookkeeping every restart-like change does
(metadata, system labels)."""
from __future__ import annotations

from executions.models import Execution
from executions.states import State
from plugins.api.labels import SYSTEM_PREFIX

from .ids import new_id

REPLAY_LABEL = f"{SYSTEM_PREFIX}replay"


def next_attempt(execution: Execution) -> dict:
    """The metadata after a restart, a replay or a taskrun state change: one more attempt,
    the same original creation date."""
    current = execution.metadata_json()
    return {**current, "attemptNumber": current["attemptNumber"] + 1}


def with_label(labels, key: str, value: str) -> list[dict]:
    """`labels` with key=value added once (a second restart does not repeat it)."""
    labels = list(labels or [])
    if {"key": key, "value": value} not in labels:
        labels.append({"key": key, "value": value})
    return labels


def replay_copy(original: Execution, from_taskrun: bool) -> Execution:
    """The new execution, saved: Kestra's replay keeps the inputs, labels (system ones
    too), trigger and metadata (one more attempt, the same originalCreatedDate), points
    back at the original (`parentId`, `originalId`) and is labelled `system.replay:
    true`. From a taskrun it carries on the original's state history with RESTARTED;
    from the start it begins CREATED, with no taskrun."""
    copy = Execution(
        id=new_id(), namespace=original.namespace, flow_id=original.flow_id, flow_revision=original.flow_revision,
        inputs=original.inputs, labels=with_label(original.labels, REPLAY_LABEL, "true"), trigger=original.trigger,
        parent=original.parent, parent_id=original.parent_id, original_id=original.original_id or original.id,
        replay_of=original.id, metadata=next_attempt(original), schedule_date=original.schedule_date,
    )
    if from_taskrun:
        copy.state_history = list(original.state_history)
        copy.start_date = original.start_date
        copy.state = original.state
        copy.set_state(State.RESTARTED)
    else:
        copy.set_state(State.CREATED)
    copy.save(force_insert=True)
    return copy
