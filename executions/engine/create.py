"""Creating an execution: inputs are parsed and checked first, so a bad input creates
nothing."""
from __future__ import annotations

from pathlib import Path

import expressions
from executions.encryption import encrypt_secret_inputs
from executions.labels import labels_map
from executions.models import Execution
from executions.states import State
from flows.models import FlowRevision
from flows.spec import InputInvalid, parse_inputs
from plugins.api.labels import CORRELATION_LABEL
from storage import internal_storage, layout

from .expression_limits import expression_budget
from .flow_index import spec_for_source
from .ids import new_id


def _store_files(execution_id: str, flow, declared: list[dict], values: dict) -> dict:
    """FILE inputs given as local paths go to internal storage; the input becomes its URI."""
    storage = internal_storage()
    for item in declared:
        value = values.get(item["id"])
        if item.get("type") == "FILE" and value and not layout.is_uri(str(value)):
            path = Path(str(value))
            uri = layout.input_file(flow.namespace, flow.flow_id, execution_id, item["id"], path.name)
            values[item["id"]] = storage.put(uri, path)
    return values


def _refuse_local_paths(declared: list[dict], values: dict) -> None:
    """A subflow's inputs are written by another flow: a FILE input given there as a
    local path would copy any file of the server's disk into storage for that flow to
    read, so a subflow takes kestra:// URIs only (checked when read, see storage.access)."""
    bad = [item["id"] for item in declared
           if item.get("type") == "FILE" and values.get(item["id"]) and not layout.is_uri(str(values[item["id"]]))]
    if bad:
        raise InputInvalid([(i, f"Invalid input '{i}': a subflow's FILE input must be a {layout.SCHEME} URI")
                            for i in bad])


def input_condition(expression: str, inputs: dict):
    """An input's `dependsOn.condition`, rendered against the inputs it depends on."""
    return expressions.render(expression, {"inputs": inputs})


def input_default(flow):
    """Renders an input's dynamic `defaults` with the flow and the inputs resolved so
    far; the execution does not exist yet, so `execution` is not there (as in Kestra)."""
    variables = {"flow": {"id": flow.flow_id, "namespace": flow.namespace, "revision": flow.revision}}

    def render(value, inputs: dict):
        return expressions.render_value(value, {**variables, "inputs": inputs})

    return render


def with_correlation(labels: list[dict], execution_id: str, inherited: str | None) -> list[dict]:
    """Every Kestra execution carries `system.correlationId`: the id of the execution
    that started its lineage (a subflow inherits its parent's), else its own. A value
    already among the labels (set at creation, or copied on replay) is kept."""
    if any(label["key"] == CORRELATION_LABEL for label in labels):
        return labels
    return [*labels, {"key": CORRELATION_LABEL, "value": inherited or execution_id}]


def merge_labels(*label_sets) -> list[dict]:
    merged: dict = {}
    for labels in label_sets:
        merged.update(labels_map(labels))
    return [{"key": str(k), "value": str(v)} for k, v in merged.items()]


def resolve_inputs(flow, spec, execution_id: str, inputs: dict | None, from_subflow: bool = False) -> dict:
    """The execution's inputs from the values given: parsed and checked against the
    flow's declarations, FILE inputs stored, SECRET ones encrypted. Raises InputInvalid."""
    with expressions.within(expression_budget()):  # validators and dynamic defaults, under the settings' limits
        values = parse_inputs(spec.inputs, inputs or {}, condition=input_condition, render=input_default(flow))
    if from_subflow:
        _refuse_local_paths(spec.inputs, values)
    return encrypt_secret_inputs(spec.inputs, _store_files(execution_id, flow, spec.inputs, values))


def create_execution(flow, inputs: dict | None = None, labels=None, trigger: dict | None = None,
                     parent: dict | None = None, revision: int | None = None,
                     correlation: str | None = None, execution_id: str | None = None) -> Execution:
    """Create a CREATED execution of `flow` (a flows.models.Flow); `correlation` is
    the lineage's correlation id, for subflows; `execution_id` one picked beforehand
    (a trigger stored its files under it), else a new one. Raises flows.spec.InputInvalid naming
    the bad inputs; nothing is written then."""
    revision = revision or flow.revision
    spec = spec_for_source(FlowRevision.objects.only("source").get(flow=flow, revision=revision).source)
    execution_id = execution_id or new_id()
    values = resolve_inputs(flow, spec, execution_id, inputs, from_subflow=parent is not None)
    labels = with_correlation(merge_labels(spec.labels, labels), execution_id, correlation)
    execution = Execution(
        id=execution_id, namespace=flow.namespace, flow_id=flow.flow_id, flow_revision=revision,
        inputs=values, labels=labels, trigger=trigger, parent=parent,
        parent_id=(parent or {}).get("executionId"),
    )
    execution.set_state(State.CREATED)
    execution.save(force_insert=True)
    return execution
