"""Checking flow documents without saving them, as Kestra's `POST /flows/validate`:
one verdict per document, each naming the document's flow and every problem with its
YAML line; `outdated` when the document carries a `revision` that is not the next one."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml

from flows.documents import split_documents
from flows.models import Flow
from flows.spec import FlowInvalid, SpecError, parse_flow
from flows.spec.yaml_lines import load


@dataclass(frozen=True)
class Verdict:
    index: int
    flow: str | None
    namespace: str | None
    constraints: str | None  # every problem, one a line; None when valid
    outdated: bool = False


def _names(source: str) -> tuple[str | None, str | None]:
    """The id and namespace a document declares, when they can be read at all."""
    try:
        data = load(source)
    except FlowInvalid:
        return None, None
    if not isinstance(data, dict):
        return None, None
    flow_id, namespace = data.get("id"), data.get("namespace")
    return (flow_id if isinstance(flow_id, str) else None, namespace if isinstance(namespace, str) else None)


def _outdated(spec) -> bool:
    if spec.revision is None:
        return False
    last = Flow.objects.filter(namespace=spec.namespace, flow_id=spec.id).values_list("revision", flat=True).first()
    return spec.revision != (last or 0) + 1


def check_document(index: int, source: str, readable: Callable[[str], bool] | None = None) -> Verdict:
    """`readable(namespace)`: may the reader see that namespace's flows? Where not,
    `outdated` stays False, as for a flow that is not stored, so a verdict never tells
    whether a flow the reader may not see exists (or its revision)."""
    try:
        spec = parse_flow(source)
    except FlowInvalid as exc:
        flow_id, namespace = _names(source)
        return Verdict(index, flow_id, namespace, str(exc))
    known = readable is None or readable(spec.namespace)
    return Verdict(index, spec.id, spec.namespace, None, known and _outdated(spec))


def check_documents(text: str, readable: Callable[[str], bool] | None = None) -> list[Verdict]:
    """A verdict for each `---`-separated document of `text` (one for an empty text)."""
    return [check_document(index, doc, readable) for index, doc in enumerate(split_documents(text) or [text])]


_PROBE_TASK = {"id": "probe", "type": "io.kestra.plugin.core.log.Log", "message": "probe"}
SECTIONS = {"TASKS": "tasks", "TRIGGERS": "triggers"}


def check_item(item, section: str = "TASKS") -> str | None:
    """Every problem of one task or trigger (Kestra's `POST /flows/validate/task`), one
    a line with its path inside the item; None when it is valid. The item is checked
    in a flow of its own, so the flow's rules (ids, properties, types) apply as is."""
    key = SECTIONS[section]
    if not isinstance(item, dict):
        return f"a {key[:-1]} must be a JSON object with an id and a type"
    flow = {"id": "validate", "namespace": "validate", "tasks": [_PROBE_TASK]}
    flow[key] = [item]
    try:
        parse_flow(yaml.safe_dump(flow, sort_keys=False, allow_unicode=True))
    except FlowInvalid as exc:
        prefix = f"{key}[0]"
        problems = [e for e in exc.errors if e.path.startswith(prefix) or not e.path]
        lines = [SpecError(e.path[len(prefix):].lstrip("."), e.message).what() for e in problems or exc.errors]
        return "\n".join(lines)
    return None
