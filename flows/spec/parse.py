"""parse_flow: YAML text to a FlowSpec, with pluginDefaults applied and every problem
reported at once, each with its path and line."""
from __future__ import annotations

from plugins.api.property_values import coerce

from .assertions import check_assertions
from .defaults import apply_defaults, check_defaults, plugin_defaults
from .errors import FlowInvalid, SpecError
from .flow_properties import CONCURRENCY
from .flow_spec import FlowSpec
from .inputs_declared import normalise_inputs
from .labels import normalise_labels
from .outputs import check_outputs
from .tasks import check_tasks
from .top_level import check_top_level
from .triggers import check_triggers
from .yaml_lines import load, plain


def parse_flow(source: str) -> FlowSpec:
    """The flow in `source`; raises FlowInvalid listing every problem with its line."""
    data = load(source)
    if not isinstance(data, dict):
        raise FlowInvalid([SpecError("", "a flow must be a YAML map with id, namespace and tasks", 1)])
    errors: list[SpecError] = check_top_level(data)
    errors += check_assertions(data)
    errors += check_defaults(data)
    apply_defaults(data)  # before validation: required properties may come from there
    errors += check_tasks(data)
    inputs, input_errors = normalise_inputs(data.get("inputs"))
    errors += input_errors
    labels, label_errors = normalise_labels(data)
    errors += label_errors
    outputs, output_errors = check_outputs(data)
    errors += output_errors
    triggers, trigger_errors = check_triggers(data)
    errors += trigger_errors
    if errors:
        raise FlowInvalid(errors)
    data = plain(data)
    return FlowSpec(
        id=data["id"], namespace=data["namespace"], tasks=data["tasks"], revision=data.get("revision"),
        description=data.get("description"), inputs=plain(inputs), variables=data.get("variables") or {},
        errors=data.get("errors") or [], finally_=data.get("finally") or [],
        after_execution=data.get("afterExecution") or [], triggers=plain(triggers), outputs=plain(outputs),
        labels=labels, concurrency=_read(CONCURRENCY, data.get("concurrency")), disabled=bool(data.get("disabled")),
        plugin_defaults=plain(plugin_defaults(data)), retry=data.get("retry"), data=data,
        source=source if isinstance(source, str) else source.decode("utf-8"),
    )


def _read(prop, value):
    """A validated flow property as its declaration reads it (`limit: "2"` is 2,
    `behavior: queue` is QUEUE), so the engine gets one spelling."""
    return coerce(prop, value) if value is not None else None


def validate_source(source: str) -> list[SpecError]:
    """Every problem of a flow's text, without raising (for editors)."""
    try:
        parse_flow(source)
    except FlowInvalid as exc:
        return exc.errors
    return []
