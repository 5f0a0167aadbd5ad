"""Saving many flows at once (Kestra's bulk update, namespace update and import): every
document is parsed first and the whole set is refused when any is invalid, naming the
document (`flows[2].tasks[0].mesage`); then all are saved, and the flows of the scope
that the set no longer names are soft-deleted, in one transaction."""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from flows.flow_changes import delete_flow
from flows.models import Flow
from flows.services import save_flow
from flows.spec import FlowInvalid, FlowSpec, SpecError, parse_flow
from flows.spec.yaml_lines import line_of, load


@dataclass(frozen=True)
class Outcome:
    flow: Flow
    deleted: bool = False


def _in_document(index: int, error: SpecError) -> SpecError:
    path = f"flows[{index}]" + (f".{error.path}" if error.path else "")
    return SpecError(path, error.message, error.line)


def parse_documents(sources: list[str]) -> list[FlowSpec]:
    """Every document parsed; FlowInvalid listing the problems of all of them, and
    the second of two documents with the same namespace and id."""
    specs, errors, seen = [], [], {}
    for index, source in enumerate(sources):
        try:
            spec = parse_flow(source)
        except FlowInvalid as exc:
            errors += [_in_document(index, error) for error in exc.errors]
            continue
        key = (spec.namespace, spec.id)
        if key in seen:
            errors.append(SpecError(f"flows[{index}].id", f"Duplicate flow id {spec.namespace}.{spec.id} "
                                    f"(also flows[{seen[key]}])", line_of(load(source), "id")))
        seen[key] = index
        specs.append(spec)
    if errors:
        raise FlowInvalid(errors)
    return specs


def check_namespace(specs: list[FlowSpec], namespace: str, allow_children: bool = False) -> None:
    """Every flow must be in `namespace` (or below it when allowed)."""
    errors = []
    for index, spec in enumerate(specs):
        inside = spec.namespace == namespace or (allow_children and spec.namespace.startswith(namespace + "."))
        if not inside:
            errors.append(SpecError(f"flows[{index}].namespace", f"Flow namespace is invalid: '{spec.namespace}' "
                                    f"is not '{namespace}'", line_of(load(spec.source), "namespace")))
    if errors:
        raise FlowInvalid(errors)


@transaction.atomic
def save_all(specs: list[FlowSpec], deletable=None, override: bool = True) -> list[Outcome]:
    """Save `specs`; soft-delete the flows of `deletable` (a queryset, None for no
    deletion) that they do not name. With `override` False an existing flow is kept
    as it is."""
    named = {(spec.namespace, spec.id) for spec in specs}
    outcomes = []
    if deletable is not None:
        for flow in deletable.filter(deleted=False).select_for_update():
            if (flow.namespace, flow.flow_id) not in named:
                delete_flow(flow)
                outcomes.append(Outcome(flow, deleted=True))
    for spec in specs:
        existing = Flow.objects.filter(namespace=spec.namespace, flow_id=spec.id, deleted=False).first()
        outcomes.append(Outcome(existing if existing and not override else save_flow(spec.source)[0]))
    return outcomes
