"""Kestra's Flow trigger: starts an execution of its flow when an execution of another
flow reaches one of `states` (the terminal ones by default), if its `conditions` hold
and its `preconditions` have all held within their time window.

Pure functions for the executor, which calls them for each execution that changes state:
`listens_to` (states, recursion, disabled), `conditions_hold` (the plain conditions),
`multiple_conditions` (preconditions and the deprecated MultipleCondition, whose
windows it stores), `trigger_variables` and `execution_inputs` for the new execution.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from plugins.api import registry
from plugins.api.condition import ConditionContext, ConditionError, ExecutionFacts, build
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.states import TERMINAL
from plugins.api.trigger import STATE_NAMES, TriggerType, common_trigger_problems

from .preconditions import (
    FILTER_FIELDS,
    PRECONDITIONS_FIELDS,
    TIME_WINDOW_FIELDS,
    UPSTREAM_FLOW_FIELDS,
    WHERE_FIELDS,
    MultipleConditions,
    filter_problems,
    from_multiple_condition,
    from_preconditions,
    time_window_problems,
)

# Kestra's State.Type.terminatedTypes(), in its enum order.
TERMINATED_STATES = tuple(name for name in STATE_NAMES if name in {state.value for state in TERMINAL})
MULTIPLE_CONDITION = "io.kestra.plugin.core.condition.MultipleCondition"


@register
class Flow(TriggerType):
    type = "io.kestra.plugin.core.trigger.Flow"
    aliases = ("io.kestra.core.models.triggers.types.Flow",)
    title = "Trigger a flow in response to a state change in one or more other flows."
    examples = (Example("Run once an upstream flow ends FAILED", """\
id: after_failure
type: io.kestra.plugin.core.trigger.Flow
states: [FAILED]
preconditions:
  id: upstream
  flows:
    - namespace: company.team
      flowId: nightly_load
"""),)
    properties = (
        Property("inputs", "object", dynamic=False,
                 description="Inputs of the executions it starts; may use {{ trigger.outputs }}."),
        Property("states", "array", default=TERMINATED_STATES, dynamic=False,
                 description="The execution states it listens to (terminal states by default)."),
        Property("preconditions", "object", dynamic=False, fields=PRECONDITIONS_FIELDS,
                 description="Conditions on upstream executions that must all hold within a time window."),
    )
    outputs = (
        Output("executionId", "string", "The execution ID that triggered the current flow."),
        Output("state", "string", "The execution state."),
        Output("namespace", "string", "The namespace of the flow that triggered the current flow."),
        Output("flowId", "string", "The flow ID whose execution triggered the current flow."),
        Output("flowRevision", "integer", "The flow revision that triggered the current flow."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        problems = common_trigger_problems(spec)
        for index, state in enumerate(spec.get("states") or ()):
            if str(state).upper() not in STATE_NAMES:
                problems.append((f"states[{index}]", f"unknown execution state '{state}'"))
        preconditions = spec.get("preconditions")
        if isinstance(preconditions, dict):
            problems += [(f"preconditions.{path}", message) for path, message in _preconditions_problems(preconditions)]
        return problems


def _nested_problems(mapping: Any, fields: tuple[Property, ...], path: str) -> list[tuple[str, str]]:
    """Unknown keys and missing required ones of a map whose fields are declared."""
    if not isinstance(mapping, dict):
        return [(path, "must be a map")]
    known = {field.name: field for field in fields}
    problems = [(f"{path}.{key}", f"unknown property '{key}'; known: {', '.join(known)}")
                for key in mapping if key not in known]
    problems += [(f"{path}.{name}", "required property missing") for name, field in known.items()
                 if field.required and mapping.get(name) is None]
    for name, field in known.items():
        value = mapping.get(name)
        if field.kind == "enum" and value is not None and str(value).upper() not in field.values:
            problems.append((f"{path}.{name}", f"must be one of {', '.join(field.values)}, not {value!r}"))
    return problems


def _preconditions_problems(spec: dict[str, Any]) -> list[tuple[str, str]]:
    problems = []
    if spec.get("timeWindow") is not None:
        problems += [(f"timeWindow.{path.split('.', 1)[1]}", message)
                     for path, message in _nested_problems(spec["timeWindow"], TIME_WINDOW_FIELDS, "timeWindow")]
        problems += [("timeWindow", message) for message in time_window_problems(spec["timeWindow"])]
    for index, upstream in enumerate(spec.get("flows") or ()):
        problems += [(path, message) for path, message in _nested_problems(upstream, UPSTREAM_FLOW_FIELDS,
                                                                            f"flows[{index}]")]
    for index, where in enumerate(spec.get("where") or ()):
        problems += _nested_problems(where, WHERE_FIELDS, f"where[{index}]")
        for number, item in enumerate(where.get("filters") or () if isinstance(where, dict) else ()):
            problems += _nested_problems(item, FILTER_FIELDS, f"where[{index}].filters[{number}]")
    problems += filter_problems(spec.get("where") or [])
    return problems


def listens_to(spec: dict[str, Any], flow_namespace: str, flow_id: str, execution: ExecutionFacts) -> bool:
    """Whether the trigger of flow `flow_namespace.flow_id` considers this execution at
    all: not disabled, not an execution of its own flow (no recursion), in one of its
    states (FlowTriggerService#computeExecutionsFromFlowTriggers)."""
    if spec.get("disabled") is True:
        return False
    if (execution.namespace, execution.flow_id) == (flow_namespace, flow_id):
        return False
    return execution.state in listened_states(spec)


def listened_states(spec: dict[str, Any]) -> tuple[str, ...]:
    """The execution states the trigger fires on: its `states`, else the terminal ones."""
    return tuple(str(state).upper() for state in spec.get("states") or TERMINATED_STATES)


def _is_multiple(condition: dict[str, Any]) -> bool:
    return registry.resolve_condition(condition["type"]) is registry.resolve_condition(MULTIPLE_CONDITION)


def conditions_hold(spec: dict[str, Any], context: ConditionContext) -> bool:
    """Every plain condition holds; one that cannot be evaluated is false, as Kestra's
    ConditionService logs and refuses it. Multiple conditions are judged apart."""
    for condition in spec.get("conditions") or ():
        if _is_multiple(condition):
            continue
        try:
            if not build(condition).test(context):
                return False
        except ConditionError:
            return False
    return True


def multiple_conditions(spec: dict[str, Any]) -> list[MultipleConditions]:
    """The deprecated MultipleConditions of `conditions`, then `preconditions`, each
    with the windows the executor stores by its id."""
    found = [from_multiple_condition(c) for c in spec.get("conditions") or () if _is_multiple(c)]
    if isinstance(spec.get("preconditions"), dict):
        found.append(from_preconditions(spec["preconditions"]))
    return found


def trigger_variables(execution: ExecutionFacts) -> dict[str, Any]:
    """The `trigger` variables of the execution it starts (Flow.Output)."""
    return {"executionId": execution.id, "namespace": execution.namespace, "flowId": execution.flow_id,
            "flowRevision": execution.flow_revision, "state": execution.state}


def execution_inputs(spec: dict[str, Any], execution: ExecutionFacts,
                     render: Callable[[object, dict[str, Any]], object]) -> Any:
    """The trigger's `inputs` rendered, with the upstream execution's outputs as
    `trigger.outputs` when it has some (Flow#evaluate)."""
    if spec.get("inputs") is None:
        return {}
    extra = {"trigger": {"outputs": execution.outputs}} if execution.outputs else {}
    return render(spec["inputs"], extra)
