"""A Flow trigger's `preconditions` (and the deprecated MultipleCondition): several
conditions on upstream executions that must all have held within one time window.

Kestra keeps, per flow and precondition id, a window (start, end) and which
conditions held in it (MultipleConditionWindow). These are pure functions over that
record; the executor stores it between executions:

- `window_for(time_window, now)`: the window a new record covers
  (MultipleConditionStorageInterface#getOrCreate);
- `Window.with_results`: conditions that held are remembered, never forgotten, until
  the window ends or fires;
- `evaluate`: test one ended execution against each condition, and say whether all
  have now held (fire) and whether the record is then dropped (`resetOnSuccess`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from typing import Any

from expressions import java_regex
from plugins.api.condition import ConditionContext, ConditionError, ExecutionFacts, build
from plugins.api.durations import parse_duration
from plugins.api.properties import Property

WINDOW_TYPES = ("DURATION_WINDOW", "SLIDING_WINDOW", "DAILY_TIME_WINDOW", "DAILY_TIME_DEADLINE")
FIELDS = ("FLOW_ID", "NAMESPACE", "STATE", "EXPRESSION")
FILTER_TYPES = ("EQUAL_TO", "NOT_EQUAL_TO", "IN", "NOT_IN", "IS_TRUE", "IS_FALSE", "IS_NULL", "IS_NOT_NULL",
                "STARTS_WITH", "ENDS_WITH", "REGEX", "CONTAINS")
NEEDS_VALUES = ("IN", "NOT_IN")
ONE_DAY = timedelta(days=1)
ONE_MILLI = timedelta(milliseconds=1)

TIME_WINDOW_FIELDS = (
    Property("type", "enum", values=WINDOW_TYPES, default="DURATION_WINDOW", dynamic=False),
    Property("window", "duration", dynamic=False, description="Length of the window (default a day)."),
    Property("windowAdvance", "duration", dynamic=False, description="Shift of the window's start."),
    Property("deadline", dynamic=False, description="DAILY_TIME_DEADLINE: the time of day it ends."),
    Property("startTime", dynamic=False, description="DAILY_TIME_WINDOW: the time of day it starts."),
    Property("endTime", dynamic=False, description="DAILY_TIME_WINDOW: the time of day it ends."),
)
UPSTREAM_FLOW_FIELDS = (
    Property("namespace", required=True, dynamic=False),
    Property("flowId", dynamic=False),
    Property("states", "array", items="state", dynamic=False),
    Property("labels", "object", dynamic=False),
)
FILTER_FIELDS = (
    Property("field", "enum", values=FIELDS, required=True, dynamic=False),
    Property("type", "enum", values=FILTER_TYPES, required=True, dynamic=False),
    Property("value", dynamic=False),
    Property("values", "array", dynamic=False),
)
WHERE_FIELDS = (
    Property("id", required=True, dynamic=False),
    Property("operand", "enum", values=("AND", "OR"), default="AND", dynamic=False),
    Property("filters", "array", required=True, dynamic=False,
             items=Property("filter", "object", dynamic=False, fields=FILTER_FIELDS)),
)
PRECONDITIONS_FIELDS = (
    Property("id", required=True, dynamic=False, description="A unique id for the preconditions."),
    Property("timeWindow", "object", dynamic=False, fields=TIME_WINDOW_FIELDS,
             description="The window the conditions must hold in."),
    Property("resetOnSuccess", "boolean", default=True, dynamic=False,
             description="Forget what held once they all held, so they must all hold again."),
    Property("flows", "array", dynamic=False, description="Upstream flows: namespace, flowId, states, labels.",
             items=Property("flow", "object", dynamic=False, fields=UPSTREAM_FLOW_FIELDS)),
    Property("where", "array", dynamic=False, description="Execution filters: id, operand, filters.",
             items=Property("where", "object", dynamic=False, fields=WHERE_FIELDS)),
)


def _time_of_day(text: Any) -> time:
    return time.fromisoformat(str(text))


def window_for(time_window: dict[str, Any] | None, now: datetime) -> tuple[datetime, datetime]:
    """(start, end) of a new window at `now` (MultipleConditionStorageInterface#getOrCreate).

    DURATION_WINDOW: aligned on the window's unit (a day starts at midnight, an hour on
    the hour, N minutes on multiples of N), shifted by `windowAdvance`, ending a
    millisecond before the next; SLIDING_WINDOW: from now for `window`;
    DAILY_TIME_WINDOW: today from startTime to endTime; DAILY_TIME_DEADLINE: today
    from midnight to the deadline."""
    time_window = time_window or {}
    kind = str(time_window.get("type") or "DURATION_WINDOW").upper()
    now = now.replace(microsecond=0)
    length = parse_duration(time_window["window"]) if time_window.get("window") else ONE_DAY
    midnight = now.replace(hour=0, minute=0, second=0)
    if kind == "DURATION_WINDOW":
        aligned = now
        if length.days > 0:
            aligned = aligned.replace(hour=0)
        if length >= timedelta(hours=1):
            aligned = aligned.replace(minute=0)
        minutes = int(length.total_seconds() // 60)
        if minutes > 0:
            aligned = aligned.replace(second=0, minute=0) + timedelta(minutes=minutes * (now.minute // minutes))
        advance = time_window.get("windowAdvance")
        start = aligned + parse_duration(advance) if advance else aligned
        return start, start + length - ONE_MILLI
    if kind == "SLIDING_WINDOW":
        return now, now + length
    if kind == "DAILY_TIME_WINDOW":
        start_time, end_time = _time_of_day(time_window["startTime"]), _time_of_day(time_window["endTime"])
        return (midnight + timedelta(hours=start_time.hour, minutes=start_time.minute, seconds=start_time.second),
                midnight + timedelta(hours=end_time.hour, minutes=end_time.minute, seconds=end_time.second))
    deadline = _time_of_day(time_window["deadline"])
    return midnight, midnight + timedelta(hours=deadline.hour, minutes=deadline.minute, seconds=deadline.second)


@dataclass(frozen=True)
class Window:
    """What Kestra's MultipleConditionWindow holds for one precondition of one flow."""
    condition_id: str
    start: datetime
    end: datetime
    results: dict[str, Any] = field(default_factory=dict)

    def is_valid(self, now: datetime) -> bool:
        return self.start < now < self.end

    def with_results(self, new: dict[str, Any]) -> Window:
        """Conditions that held now are added; one that held before stays held."""
        return replace(self, results={**self.results, **{key: True for key, held in new.items() if held}})


@dataclass(frozen=True)
class MultipleConditions:
    """A set of named conditions that must all hold within one window."""
    id: str
    time_window: dict[str, Any] | None
    reset_on_success: bool
    conditions: dict[str, Any]  # key -> test(context) -> bool

    def open_window(self, stored: Window | None, now: datetime) -> Window | None:
        """The stored window while it lasts, else a new one; None when even a new one
        is already over (a deadline passed today): nothing is evaluated then."""
        if stored is not None and stored.is_valid(now):
            return stored
        start, end = window_for(self.time_window, now)
        window = Window(self.id, start, end)
        return window if window.is_valid(now) else None

    def evaluate(self, stored: Window | None, context: ConditionContext, now: datetime
                 ) -> tuple[Window | None, bool]:
        """(the window to store, whether every condition has now held). The window to
        store is None when it fired and resets on success, or when it is over."""
        window = self.open_window(stored, now)
        if window is None:
            return None, False
        results = {}
        for key, test in self.conditions.items():
            results[key] = _safely(test, context)
        window = window.with_results(results)
        fired = len(self.conditions) == sum(1 for held in window.results.values() if held)
        if fired and self.reset_on_success:
            return None, True
        return window, fired


def _safely(test: Callable[..., Any], context: ConditionContext) -> bool:
    """A condition that cannot be evaluated is false (Kestra's ConditionService logs it)."""
    try:
        return bool(test(context))
    except ConditionError:
        return False


def from_preconditions(spec: dict[str, Any]) -> MultipleConditions:
    """A Flow trigger's `preconditions`: `flows` become condition_1.., then `where`
    filters condition_<n>_<filter id> (Flow.Preconditions#getConditions)."""
    conditions, number = {}, 0
    for upstream in spec.get("flows") or ():
        number += 1
        conditions[f"condition_{number}"] = _upstream_flow_test(upstream)
    for where in spec.get("where") or ():
        number += 1
        conditions[f"condition_{number}_{where['id']}"] = _filter_test(where)
    return MultipleConditions(spec["id"], spec.get("timeWindow"), spec.get("resetOnSuccess") is not False,
                              conditions)


def from_multiple_condition(spec: dict[str, Any]) -> MultipleConditions:
    """The deprecated MultipleCondition: its `conditions` map, each a condition spec;
    `window`/`windowAdvance` shape its time window."""
    time_window = dict(spec.get("timeWindow") or {})
    for key in ("window", "windowAdvance"):
        if spec.get(key) is not None:
            time_window[key] = spec[key]
    conditions = {key: build(condition).test for key, condition in (spec.get("conditions") or {}).items()}
    return MultipleConditions(spec["id"], time_window, spec.get("resetOnSuccess") is not False, conditions)


def _upstream_flow_test(upstream: dict[str, Any]) -> Callable[..., Any]:
    """Flow.UpstreamFlowCondition: the execution's namespace, flow id, state and labels."""
    def test(context: ConditionContext) -> bool:
        execution = context.require_execution()
        if upstream.get("namespace") is not None and execution.namespace != upstream["namespace"]:
            return False
        if upstream.get("flowId") is not None and execution.flow_id != upstream["flowId"]:
            return False
        if upstream.get("states") is not None and execution.state not in [str(s).upper() for s in upstream["states"]]:
            return False
        for key, value in (upstream.get("labels") or {}).items():
            if (str(key), _label_text(value)) not in _labels(execution):
                return False
        return True
    return test


def _label_text(value: Any) -> str:
    """Java's String.valueOf of a YAML scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _labels(execution: ExecutionFacts) -> set[Any]:
    return {(str(key), str(value)) for key, value in execution.labels}


def _filter_test(where: dict[str, Any]) -> Callable[..., Any]:
    """Flow.FilterCondition: each filter compares a field of the execution (or a rendered
    expression) with `value`/`values`; AND (default) or OR across filters."""
    def test(context: ConditionContext) -> bool:
        execution = context.require_execution()
        outcomes = (_filter_holds(item, execution, context) for item in where.get("filters") or ())
        return any(outcomes) if str(where.get("operand") or "AND").upper() == "OR" else all(outcomes)
    return test


def _filter_holds(item: dict[str, Any], execution: ExecutionFacts, context: ConditionContext) -> bool:
    field_name = str(item["field"]).upper()
    value, values = item.get("value"), item.get("values")
    value = None if value is None else str(value)
    if field_name == "FLOW_ID":
        actual = execution.flow_id
    elif field_name == "NAMESPACE":
        actual = execution.namespace
    elif field_name == "STATE":
        actual = execution.state
    else:
        actual = context.rendered(value)
    kind = str(item["type"]).upper()
    checks = {
        "EQUAL_TO": lambda: value == actual,
        "NOT_EQUAL_TO": lambda: value != actual,
        "IN": lambda: actual in [str(v) for v in values or ()],
        "NOT_IN": lambda: actual not in [str(v) for v in values or ()],
        "IS_TRUE": lambda: is_truthy_java(actual),
        "IS_FALSE": lambda: not is_truthy_java(actual),
        "IS_NULL": lambda: actual is None,
        "IS_NOT_NULL": lambda: actual is not None,
        "STARTS_WITH": lambda: actual is not None and value is not None and actual.startswith(value),
        "ENDS_WITH": lambda: actual is not None and value is not None and actual.endswith(value),
        "REGEX": lambda: actual is not None and value is not None and java_regex.matches(value, actual),
        "CONTAINS": lambda: actual is not None and value is not None and value in actual,
    }
    return checks[kind]()


def is_truthy_java(text: Any) -> bool:
    """Kestra's TruthUtils.isTruthy: anything but null, "false", "0", "-0" and ""."""
    return text is not None and str(text) not in ("false", "0", "-0", "")


def filter_problems(where: list[Any]) -> list[tuple[str, str]]:
    """Kestra's PreconditionFilterValidator: `value` for single-value types, `values`
    for IN and NOT_IN, and nothing else."""
    problems = []
    for index, entry in enumerate(where or ()):
        if not isinstance(entry, dict):
            continue
        for number, item in enumerate(entry.get("filters") or ()):
            if not isinstance(item, dict) or str(item.get("type", "")).upper() not in FILTER_TYPES:
                continue
            kind, path = str(item["type"]).upper(), f"where[{index}].filters[{number}]"
            needs_values = kind in NEEDS_VALUES
            if not needs_values and item.get("value") is None:
                problems.append((path, f"`value` cannot be null for type {kind}"))
            if needs_values and item.get("value") is not None:
                problems.append((path, f"`value` must be null for type {kind}"))
            if needs_values and item.get("values") is None:
                problems.append((path, f"`values` cannot be null for type {kind}"))
            if not needs_values and item.get("values") is not None:
                problems.append((path, f"`values` must be null for type {kind}"))
    return problems


def time_window_problems(time_window: Any) -> list[str]:
    """Kestra's TimeWindowValidator: which properties each window type takes."""
    if not isinstance(time_window, dict):
        return []
    kind = str(time_window.get("type") or "DURATION_WINDOW").upper()
    allowed = {"DURATION_WINDOW": ("window", "windowAdvance"), "SLIDING_WINDOW": ("window",),
               "DAILY_TIME_WINDOW": ("startTime", "endTime"), "DAILY_TIME_DEADLINE": ("deadline",)}.get(kind, ())
    names = {"window": "a window", "windowAdvance": "a window advance", "deadline": "a deadline",
             "startTime": "a start time", "endTime": "an end time"}
    problems = [f"Time window of type `{kind}` cannot have {names[key]}."
                for key in names if key not in allowed and time_window.get(key) is not None]
    required = {"DAILY_TIME_WINDOW": ("startTime", "endTime"), "DAILY_TIME_DEADLINE": ("deadline",)}.get(kind, ())
    problems += [f"Time window of type `{kind}` must have {names[key]}." for key in required
                 if time_window.get(key) is None]
    for key in ("deadline", "startTime", "endTime"):
        if time_window.get(key) is not None:
            try:
                _time_of_day(time_window[key])
            except ValueError:
                problems.append(f"{key}: '{time_window[key]}' is not a time of day such as 09:00:00")
    return problems
