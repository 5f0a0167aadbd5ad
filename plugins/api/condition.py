"""Base class of condition types (Kestra's Condition) and what a condition is tested
against (Kestra's ConditionContext).

A condition is pure: `test(context)` reads the flow, the execution (for Flow
triggers) and the variables (`trigger.date` for schedules), renders its expressions
with the context's `render`, and answers True or False. It raises ConditionError when
it cannot be evaluated (no execution, an unreadable date); callers treat that as false
and log it, as Kestra's ConditionService does.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import expressions

from . import registry
from .plugin_type import PluginType
from .properties import COMMON_CONDITION_PROPERTIES, Property


class ConditionError(Exception):
    """A condition cannot be evaluated (Kestra's IllegalConditionEvaluation)."""


@dataclass(frozen=True)
class ExecutionFacts:
    """What a condition may read of an execution."""
    id: str
    namespace: str
    flow_id: str
    state: str
    flow_revision: int | None = None
    labels: tuple[Any, ...] = ()  # (key, value) pairs
    outputs: dict[str, Any] = field(default_factory=dict)
    # The attempt states of each taskrun, for HasRetryAttempt.
    attempt_states: tuple[Any, ...] = ()


@dataclass(frozen=True)
class FlowFacts:
    namespace: str
    id: str
    revision: int | None = None


def render_with_expressions(template: str, variables: dict[str, Any]) -> str:
    return expressions.render(template, variables)


@dataclass(frozen=True)
class ConditionContext:
    flow: FlowFacts
    execution: ExecutionFacts | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    # How to render a condition's expression: the engine passes its own (functions,
    # limits); alone, plain Pebble rendering.
    render: Callable[[str, dict[str, Any]], str] = render_with_expressions

    def with_variables(self, extra: dict[str, Any]) -> ConditionContext:
        return ConditionContext(self.flow, self.execution, {**self.variables, **extra}, self.render)

    def rendered(self, template: Any, extra: dict[str, Any] | None = None) -> str:
        if not isinstance(template, str):
            return template  # type: ignore[no-any-return]  # a non-string stays as written
        variables = {**self.variables, **extra} if extra else self.variables
        try:
            return self.render(template, variables)
        except expressions.ExpressionError as exc:
            raise ConditionError(str(exc)) from None

    def require_execution(self) -> ExecutionFacts:
        if self.execution is None:
            raise ConditionError("Invalid condition with null execution")
        return self.execution


class ConditionType(PluginType):
    kind = "condition"
    # Usable on a Schedule (Kestra's ScheduleCondition): it reads `trigger.date`.
    schedule_condition: ClassVar[bool] = False
    # A condition made of other conditions (Not, Or): their specs are under these
    # properties, validated by their own types.
    nested_conditions: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def common_properties(cls) -> tuple[Property, ...]:
        return COMMON_CONDITION_PROPERTIES

    def test(self, context: ConditionContext) -> bool:
        raise NotImplementedError


def is_truthy_render(text: object) -> bool:
    """Kestra's Expression condition: blank or "false" is false, anything else true."""
    return not (text is None or str(text).strip() == "" or str(text).strip() == "false")


def parse_local_date(text: str) -> date:
    """Kestra's DateUtils.parseLocalDate: an ISO date, or the date of an ISO date-time."""
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        return parse_zoned_datetime(text).date()


def parse_zoned_datetime(text: str) -> datetime:
    """Kestra's DateUtils.parseZonedDateTime: an ISO date-time with its offset."""
    value = str(text).strip()
    zone_name = None
    if value.endswith("]") and "[" in value:  # Java's 2021-01-01T00:00+01:00[Europe/Paris]
        value, zone_name = value[:-1].split("[", 1)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ConditionError(f"Text '{text}' could not be parsed as a date-time with an offset") from None
    if parsed.tzinfo is None:
        raise ConditionError(f"Text '{text}' could not be parsed as a date-time with an offset")
    if zone_name:
        parsed = parsed.astimezone(ZoneInfo(zone_name))
    return parsed


def build(spec: dict[str, Any]) -> ConditionType:
    """The condition object of a validated spec (its type registered)."""
    cls = registry.resolve_condition(spec["type"])
    if cls is None:
        raise ConditionError(f"unknown condition type {spec.get('type')}")
    return cls(spec)


def all_hold(specs: list[dict[str, Any]] | None, context: ConditionContext) -> bool:
    """Every condition holds (Kestra's ConditionService#areValid); an empty list holds."""
    return all(build(spec).test(context) for spec in specs or ())
