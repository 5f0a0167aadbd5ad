"""Base class of trigger types (Kestra's AbstractTrigger).

A trigger type declares its Kestra type name (and older aliases) and its properties,
as a task type does; the flow spec validates a trigger against that declaration. What
a trigger computes (a Schedule's dates, whether a Flow trigger matches an ended
execution) lives in pure functions of its own module, which the scheduler calls.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from expressions import ExpressionError

from .labels import SYSTEM_PREFIX
from .plugin_type import PluginType
from .properties import COMMON_TRIGGER_PROPERTIES, Output, Property
from .states import State

STATE_NAMES = tuple(state.value for state in State)


class TriggerType(PluginType):
    kind = "trigger"
    # The `trigger.*` variables an execution it starts gets.
    outputs: ClassVar[tuple[Output, ...]] = ()
    # How the scheduler drives it (plugins.api.trigger_events): polled every `interval`
    # (`poll(ctx)`), or listening without end (`listen(ctx, stop_event)`).
    polling: ClassVar[bool] = False
    realtime: ClassVar[bool] = False

    @classmethod
    def common_properties(cls) -> tuple[Property, ...]:
        return COMMON_TRIGGER_PROPERTIES

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return common_trigger_problems(spec)

    @property
    def id(self) -> str:
        return str(self.spec["id"])


def common_trigger_problems(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """AbstractTrigger's own rules: `stopAfter` names execution states, `labels` is a
    map or a list of {key, value}."""
    problems = []
    for index, state in enumerate(spec.get("stopAfter") or ()):
        if str(state).upper() not in STATE_NAMES:
            problems.append((f"stopAfter[{index}]", f"unknown execution state '{state}'; one of "
                                                    f"{', '.join(STATE_NAMES)}"))
    labels = spec.get("labels")
    if isinstance(labels, list):
        for index, label in enumerate(labels):
            if not isinstance(label, dict) or set(label) != {"key", "value"}:
                problems.append((f"labels[{index}]", "a label in a list must be a map {key, value}"))
    elif labels is not None and not isinstance(labels, dict):
        problems.append(("labels", "must be a map of labels or a list of {key, value}"))
    else:
        for key, value in trigger_labels(spec):
            if key.startswith(SYSTEM_PREFIX):  # Kestra's NoSystemLabelValidation
                problems.append((f"labels.{key}", f"System labels can only be set by Kestra itself, offending "
                                                  f"label: {key}={value}."))
    return problems


def trigger_labels(spec: dict[str, Any]) -> list[tuple[str, object]]:
    """A trigger's labels as (key, raw value) pairs, whether written as a map or a list."""
    labels = spec.get("labels")
    if isinstance(labels, dict):
        return [(str(key), value) for key, value in labels.items()]
    return [(str(label["key"]), label["value"]) for label in labels or () if isinstance(label, dict)]


def execution_labels(flow_labels: list[dict[str, Any]], spec: dict[str, Any],
                     render: Callable[[object], object]) -> list[dict[str, Any]]:
    """The labels of an execution a trigger starts (Kestra's LabelService#fromTrigger):
    the flow's own, system ones left out, as written; then the trigger's, rendered, a
    null rendering as "" and one that cannot be rendered left out."""
    labels = [dict(label) for label in flow_labels or () if not str(label.get("key", "")).startswith(SYSTEM_PREFIX)]
    for key, value in trigger_labels(spec):
        try:
            rendered = render(value)
        except ExpressionError:
            continue
        labels.append({"key": key, "value": "" if rendered is None else str(rendered)})
    return labels
