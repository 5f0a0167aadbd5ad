"""Flow triggers: when an execution enters a state (its end by default, PAUSED or
RUNNING when a trigger's `states` say so), the flows whose Flow trigger matches it
start (Kestra's FlowTriggerService, run by its executor on each state change).

The engine calls `hook.on_execution_state` at each transition; it queues
`evaluate_transition` on the cluster with the state entered, when some Flow trigger
listens to that state.

Preconditions (and the deprecated MultipleCondition) remember, per trigger and
precondition id, which conditions held within their window: the record lives in the
trigger's TriggerState (`evaluation_data["windows"]`), updated under a lock of that row
so two executions ending at once on two workers both count."""
from __future__ import annotations

import logging
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from executions.labels import labels_map
from executions.models import Execution, TaskRun, TriggerState
from plugins.api import registry
from plugins.api.condition import ConditionContext, ExecutionFacts
from plugins.core.trigger import flow as flow_trigger
from plugins.core.trigger.preconditions import Window

from . import locks
from .failed_evaluation import failed_execution
from .firing import CANNOT_START, start_execution
from .scheduled_flows import FlowTrigger, enabled_triggers

log = logging.getLogger(__name__)


def execution_facts(execution: Execution, state: str | None = None) -> ExecutionFacts:
    """What conditions see of the execution, in `state` (the one it entered), by default its current one."""
    attempts = TaskRun.objects.filter(execution_id=execution.id).values_list("attempts", flat=True)
    return ExecutionFacts(
        id=execution.id, namespace=execution.namespace, flow_id=execution.flow_id, state=state or execution.state,
        flow_revision=execution.flow_revision, labels=tuple(labels_map(execution.labels).items()),
        outputs=execution.outputs or {},
        attempt_states=tuple(tuple(a["state"]["current"] for a in tr_attempts or ()) for tr_attempts in attempts))


def _condition_variables(found: FlowTrigger, execution: Execution, state: str) -> dict:
    """What a condition's expression sees: the triggered flow, and the upstream
    execution, its labels, inputs and outputs (Kestra's ConditionService#conditionContext
    with the run context of the ended execution)."""
    return {"flow": {"namespace": found.flow.namespace, "id": found.flow.flow_id, "revision": found.flow.revision},
            "execution": {"id": execution.id, "state": state, "namespace": execution.namespace,
                          "flowId": execution.flow_id},
            "labels": labels_map(execution.labels), "inputs": execution.inputs or {},
            "outputs": execution.outputs or {}}


def evaluate_transition(execution_id: str, state: str) -> list[str]:
    """The cluster task: start each flow a Flow trigger of which matches the execution
    that entered `state`; the ids of the executions started."""
    execution = Execution.objects.filter(pk=execution_id).first()
    if execution is None:
        return []
    facts = execution_facts(execution, state)
    disabled = set(TriggerState.objects.filter(disabled=True).values_list("namespace", "flow_id", "trigger_id"))
    started = []
    for found in enabled_triggers():
        spec = found.spec
        if registry.resolve_trigger(str(spec.get("type"))) is not flow_trigger.Flow:
            continue
        if (found.flow.namespace, found.flow.flow_id, spec["id"]) in disabled:
            continue
        if not flow_trigger.listens_to(spec, found.flow.namespace, found.flow.flow_id, facts):
            continue
        context = ConditionContext(found.facts, facts, _condition_variables(found, execution, state))
        if not flow_trigger.conditions_hold(spec, context):
            continue
        started_id = _fire(found, facts, context)
        if started_id:
            started.append(started_id)
    return started


def _state_row(found: FlowTrigger) -> TriggerState:
    key = dict(namespace=found.flow.namespace, flow_id=found.flow.flow_id, trigger_id=found.spec["id"])
    try:
        with transaction.atomic():
            state, _ = TriggerState.objects.get_or_create(**key, defaults={"trigger_type": flow_trigger.Flow.type})
    except IntegrityError:  # created at the same moment by another worker
        state = TriggerState.objects.get(**key)
    return state


def _window(record: dict | None) -> Window | None:
    if not record:
        return None
    return Window(record["id"], datetime.fromisoformat(record["start"]), datetime.fromisoformat(record["end"]),
                  dict(record.get("results") or {}))


def _record(window: Window | None) -> dict | None:
    if window is None:
        return None
    return {"id": window.condition_id, "start": window.start.isoformat(), "end": window.end.isoformat(),
            "results": window.results}


def _fire(found: FlowTrigger, facts: ExecutionFacts, context: ConditionContext) -> str | None:
    multiples = flow_trigger.multiple_conditions(found.spec)
    state = _state_row(found) if multiples else None
    with transaction.atomic():
        if multiples:
            state = TriggerState.objects.select_for_update().get(pk=state.pk)
            windows = dict(state.evaluation_data.get("windows") or {})
            now = timezone.now()
            fired = True
            for condition in multiples:  # each records what held, even when another has not
                window, held = condition.evaluate(_window(windows.get(condition.id)), context, now)
                windows[condition.id] = _record(window)
                fired = fired and held
            state.evaluation_data = {**state.evaluation_data, "windows": windows}
            state.save(update_fields=["evaluation_data", "updated"])
            if not fired:
                return None
        variables = flow_trigger.trigger_variables(facts)
        extra = {"outputs": facts.outputs} if facts.outputs else {}
        try:
            with transaction.atomic():
                execution = start_execution(found.flow, found.flow_labels, found.spec, variables,
                                            found.spec.get("inputs"), input_variables=extra)
        except CANNOT_START as exc:
            log.warning("flow trigger %s of %s: evaluation failed for %s: %s", found.spec["id"], found.flow, facts.id,
                        exc)
            execution = failed_execution(found.flow, found.flow_labels, found.spec, variables, exc)
        if state is not None:
            TriggerState.objects.filter(pk=state.pk).update(last_execution_id=execution.id, last_date=timezone.now())
        return execution.id


def evaluate_ended(execution_id: str) -> list[str]:
    """The task the engine queued before it queued `evaluate_transition`: kept so that
    tasks left in a broker by the previous release still run after an upgrade."""
    locks.release(execution_id)
    state = Execution.objects.filter(pk=execution_id).values_list("state", flat=True).first()
    return evaluate_transition(execution_id, state) if state is not None else []
