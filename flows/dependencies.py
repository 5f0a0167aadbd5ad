"""Which flows depend on which (Kestra's FlowTopologyService): a flow that starts
another one (a task type that `calls_flows`: Subflow, ForEachItem) makes a FLOW_TASK
edge to it; a flow whose trigger waits on another one's executions (a trigger's
`preconditions.flows` or a condition naming a `namespace` and `flowId`) gets a
FLOW_TRIGGER edge from it. Read from the flows' sources each time; nothing is stored."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from flows.spec import FlowInvalid
from flows.spec.walk import walk_tasks
from flows.spec.yaml_lines import load, plain
from plugins.api.registry import resolve

FlowKey = tuple[str, str]


@dataclass(frozen=True)
class Edge:
    source: FlowKey
    target: FlowKey
    relation: str  # FLOW_TASK or FLOW_TRIGGER


def _named(item) -> FlowKey | None:
    if isinstance(item, dict) and isinstance(item.get("namespace"), str) and isinstance(item.get("flowId"), str):
        return item["namespace"], item["flowId"]
    return None


def edges_of(key: FlowKey, source: str) -> list[Edge]:
    try:
        data = plain(load(source))
    except FlowInvalid:
        return []
    edges = []
    for task, _path, _container, _index in walk_tasks(data):
        cls = resolve(str(task.get("type")))
        called = _named(task) if cls is not None and cls.calls_flows else None
        if called:
            edges.append(Edge(key, called, "FLOW_TASK"))
    for trigger in data.get("triggers") or []:
        if not isinstance(trigger, dict):
            continue
        preconditions = trigger.get("preconditions") if isinstance(trigger.get("preconditions"), dict) else {}
        conditions = trigger.get("conditions") if isinstance(trigger.get("conditions"), list) else []
        for item in [*(preconditions.get("flows") or []), *conditions]:
            upstream = _named(item)
            if upstream and upstream != key:
                edges.append(Edge(upstream, key, "FLOW_TRIGGER"))
    return edges


def dependencies(start: FlowKey, flows: dict[FlowKey, str], destination_only: bool, expand_all: bool) -> list[Edge]:
    """The edges around `start` among `flows` ({(namespace, id): source}): those leaving
    it (and, unless destination_only, those reaching it), and with expand_all the
    edges of every flow so reached, transitively."""
    out, into = defaultdict(list), defaultdict(list)
    for key, source in flows.items():
        for edge in edges_of(key, source):
            if edge.source in flows and edge.target in flows:
                out[edge.source].append(edge)
                into[edge.target].append(edge)
    found, seen, todo = [], {start}, [start]
    while todo:
        key = todo.pop()
        for edge in out[key] + ([] if destination_only else into[key]):
            if edge not in found:
                found.append(edge)
            other = edge.target if edge.source == key else edge.source
            if expand_all and other not in seen:
                seen.add(other)
                todo.append(other)
    return found
