"""Conditions on the execution a Flow trigger (or a webhook) is judging."""
from __future__ import annotations

from typing import Any

from plugins.api.condition import ConditionContext, ConditionType, is_truthy_render
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.trigger import STATE_NAMES

from . import condition_names

COMPARISONS = ("EQUALS", "PREFIX", "SUFFIX")


def _states(spec: dict[str, Any], key: str) -> list[str] | None:
    values = spec.get(key)
    return None if values is None else [str(value).upper() for value in values]


def state_problems(spec: dict[str, Any], *keys: str) -> list[tuple[str, str]]:
    return [(f"{key}[{index}]", f"unknown execution state '{value}'")
            for key in keys for index, value in enumerate(spec.get(key) or ())
            if str(value).upper() not in STATE_NAMES]


@register
class ExecutionFlow(ConditionType):
    type, aliases = condition_names("ExecutionFlow")
    title = "Condition for a specific flow of an execution."
    examples = (Example("Only executions of one upstream flow", """\
type: io.kestra.plugin.core.condition.ExecutionFlow
namespace: company.team
flowId: nightly_load
"""),)
    properties = (
        Property("namespace", required=True, dynamic=False, description="The namespace of the flow."),
        Property("flowId", required=True, dynamic=False, description="The flow id."),
    )

    def test(self, context: ConditionContext) -> bool:
        execution = context.require_execution()
        return bool(execution.namespace == self.get("namespace") and execution.flow_id == self.get("flowId"))


@register
class ExecutionNamespace(ConditionType):
    type, aliases = condition_names("ExecutionNamespace")
    title = "Condition for an execution namespace."
    examples = (Example("Upstream executions of a namespace and the ones below it", """\
type: io.kestra.plugin.core.condition.ExecutionNamespace
namespace: company
comparison: PREFIX
"""),)
    properties = (
        Property("namespace", required=True, dynamic=False, description="The namespace, or a part of it."),
        Property("comparison", "enum", values=COMPARISONS, dynamic=False,
                 description="EQUALS, PREFIX or SUFFIX (default EQUALS, or PREFIX with prefix: true)."),
        Property("prefix", "boolean", default=False, dynamic=False, description="Deprecated: use comparison: PREFIX."),
    )

    def test(self, context: ConditionContext) -> bool:
        actual, wanted = context.require_execution().namespace, str(self.get("namespace"))
        comparison = self.get("comparison")
        comparison = str(comparison).upper() if comparison else ("PREFIX" if self.get("prefix") is True else "EQUALS")
        if comparison == "PREFIX":
            return actual.startswith(wanted)
        if comparison == "SUFFIX":
            return actual.endswith(wanted)
        return actual == wanted


@register
class ExecutionStatus(ConditionType):
    type, aliases = condition_names("ExecutionStatus")
    title = "Condition based on execution status."
    examples = (Example("Only failed or killed upstream executions", """\
type: io.kestra.plugin.core.condition.ExecutionStatus
in: [FAILED, KILLED]
"""),)
    properties = (
        Property("in", "array", dynamic=False, description="The states the execution must be in."),
        Property("notIn", "array", dynamic=False, description="The states the execution must not be in."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return state_problems(spec, "in", "notIn")

    def test(self, context: ConditionContext) -> bool:
        state = context.require_execution().state
        wanted, refused = _states(self.spec, "in"), _states(self.spec, "notIn")
        return (wanted is None or state in wanted) and (refused is None or state not in refused)


@register
class ExecutionLabels(ConditionType):
    type, aliases = condition_names("ExecutionLabels")
    title = "Condition based on execution labels."
    properties = (
        Property("labels", "any", required=True, dynamic=False,
                 description="Labels the execution must all have: a map, or a list of {key, value}."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        labels = spec.get("labels")
        if isinstance(labels, list) and all(
                isinstance(pair, dict) and set(pair) == {"key", "value"} for pair in labels):
            return []
        return [] if isinstance(labels, dict) else [("labels", "must be a map of labels or a list of {key, value}")]

    def wanted(self) -> list[tuple[str, str]]:
        labels = self.get("labels")
        pairs = labels.items() if isinstance(labels, dict) else ((label["key"], label["value"]) for label in labels)
        return [(str(key), str(value)) for key, value in pairs]

    def test(self, context: ConditionContext) -> bool:
        have = {(str(key), str(value)) for key, value in context.require_execution().labels}
        return all(label in have for label in self.wanted())


@register
class ExecutionOutputs(ConditionType):
    type, aliases = condition_names("ExecutionOutputs")
    title = "Condition based on the outputs of an upstream execution."
    schedule_condition = True
    properties = (
        Property("expression", required=True,
                 description="An expression on {{ trigger.outputs }}; true unless blank or false."),
    )

    def test(self, context: ConditionContext) -> bool:
        execution = context.require_execution()
        if not execution.outputs:
            return False  # Kestra does not even render the expression then
        trigger = {**(context.variables.get("trigger") or {}), "outputs": execution.outputs}  # merged, as Kestra's
        return is_truthy_render(context.rendered(self.get("expression"), {"trigger": trigger}))


@register
class HasRetryAttempt(ConditionType):
    type, aliases = condition_names("HasRetryAttempt")
    title = "Condition based on a retried taskrun of the execution."
    properties = (
        Property("in", "array", dynamic=False, description="States one retried attempt must be in."),
        Property("notIn", "array", dynamic=False, description="States that attempt must not be in."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return state_problems(spec, "in", "notIn")

    def test(self, context: ConditionContext) -> bool:
        wanted, refused = _states(self.spec, "in"), _states(self.spec, "notIn")
        for attempts in context.require_execution().attempt_states:
            if len(attempts) <= 1:
                continue
            for state in attempts:
                if (wanted is None or state in wanted) and (refused is None or state not in refused):
                    return True
        return False
