"""A flow's topology as Kestra's FlowGraph JSON (GraphUtils): `nodes`, `edges`,
`clusters` and `flowables`, drawn from the flow alone (no execution).

- the flow is the `root` cluster: `root.root` → its tasks → `root.finally` (when the
  flow has a `finally`) → `root.after-execution` (when it has `afterExecution`) →
  `root.end`; its `errors` start from `root.root` beside the tasks;
- triggers form a `Triggers` cluster whose end leads to `root.root`;
- a flowable is a cluster `cluster_<id>`: its root, the flowable's own task node, its
  children laid out as the type declares (TaskType.layout_of_children: one after the
  other, side by side, or by a Dag's dependencies; several child lists, such as a
  Switch's cases or an If's then/else, are alternative branches), its handlers, its end;
- as in Kestra, the edge into a named branch (an If's `then`/`else`, a Switch's case
  or `defaults`, any child list not called `tasks`) is a CHOICE whose value names it.
Task ids are unique in a flow, so a task's node uid is its id."""
from __future__ import annotations

from flows.spec import parse_flow
from flows.spec.yaml_lines import load, plain
from plugins.api.flowable import ChildLayout
from plugins.api.registry import resolve

HIERARCHIES = "io.kestra.core.models.hierarchies."
HANDLERS = ("errors", "finally")
PLAIN_CHILDREN = "tasks"  # the child list every other flowable has: not a choice, no label


def choice_of(branch: str) -> str | None:
    """The value a branch's first edge carries: "then", "else", "defaults", or a
    Switch case's key ("cases.FIRST" -> "FIRST"); None for a plain `tasks` list."""
    if branch == PLAIN_CHILDREN:
        return None
    return branch.removeprefix("cases.")


class _Graph:
    def __init__(self):
        self.nodes, self.edges, self.clusters, self.flowables = [], [], [], []

    def node(self, uid: str, kind: str, **fields) -> str:
        self.nodes.append({"uid": uid, "type": HIERARCHIES + kind, **fields})
        return uid

    def edge(self, source: str, target: str, relation: str | None, value=None) -> None:
        self.edges.append({"source": source, "target": target,
                           "relation": {"relationType": relation, "value": value}})

    def as_json(self) -> dict:
        return {"nodes": self.nodes, "edges": self.edges, "clusters": self.clusters, "flowables": self.flowables}


def flow_graph(source: str) -> dict:
    """The FlowGraph of a flow's YAML; flows.spec.FlowInvalid when it is invalid."""
    parse_flow(source)
    data = plain(load(source))
    graph = _Graph()
    root = graph.node("root.root", "GraphClusterRoot")
    _triggers(graph, data.get("triggers") or [], root)
    _cluster_body(graph, "root", [], root, root, {"tasks": data.get("tasks") or []}, data, ChildLayout.SEQUENCE)
    return graph.as_json()


def _triggers(graph: _Graph, triggers: list, flow_root: str) -> None:
    if not triggers:
        return
    start = graph.node("Triggers.root", "GraphClusterRoot")
    end = graph.node("Triggers.end", "GraphClusterEnd")
    members = [start, end]
    for trigger in triggers:
        uid = graph.node(f"Triggers.{trigger.get('id')}", "GraphTrigger", trigger=trigger, triggerContext=None,
                         relationType=None)
        graph.edge(start, uid, None)
        graph.edge(uid, end, None)
        members.append(uid)
    graph.clusters.append({"cluster": {"uid": "Triggers", "type": HIERARCHIES + "GraphCluster"}, "nodes": members,
                           "parents": [], "start": start, "end": end})
    graph.edge(end, flow_root, None)


def _cluster_body(graph: _Graph, uid: str, parents: list[str], root: str, start: str, branches: dict,
                  spec: dict, layout: ChildLayout, dependencies: dict | None = None) -> list[str]:
    """The inside of a cluster from `start`; the uids it placed."""
    before = len(graph.nodes)
    finally_tasks = spec.get("finally") or []
    after = (spec.get("afterExecution") or []) if uid == "root" else []
    end = f"{uid}.end"
    after_node = graph.node(f"{uid}.after-execution", "GraphClusterAfterExecution") if after else None
    finally_node = graph.node(f"{uid}.finally", "GraphClusterFinally") if finally_tasks else None
    leave = finally_node or after_node or end
    inner = [*parents, uid] if uid != "root" else []
    for branch, children in branches.items():
        if layout is ChildLayout.SIDE_BY_SIDE:
            for task in children:
                _chain(graph, inner, start, [task], "PARALLEL", leave)
        elif layout is ChildLayout.DEPENDENCIES:
            _dag(graph, inner, start, children, dependencies or {}, leave)
        else:
            _chain(graph, inner, start, children, "SEQUENTIAL", leave, choice_of(branch))
    if spec.get("errors"):
        _chain(graph, inner, root, spec["errors"], "ERROR", leave)
    if finally_node:
        _chain(graph, inner, finally_node, finally_tasks, "FINALLY", after_node or end)
    if after_node:
        _chain(graph, inner, after_node, after, "AFTER_EXECUTION", end)
    graph.node(end, "GraphClusterEnd")
    return [n["uid"] for n in graph.nodes[before:]]


def _chain(graph: _Graph, parents: list[str], start: str, tasks: list, relation: str, end: str,
           choice: str | None = None) -> None:
    """`tasks` one after the other from `start` to `end`; with a `choice`, the first
    edge is a CHOICE carrying it (the branch's name)."""
    previous = start
    for task in tasks:
        entry, leave = _task(graph, parents, task, relation)
        first = previous == start and choice is not None
        graph.edge(previous, entry, "CHOICE" if first else relation, choice if first else None)
        previous = leave
    if previous == start and choice is not None:  # an empty branch: it goes straight to the end
        graph.edge(previous, end, "CHOICE", choice)
    else:
        graph.edge(previous, end, relation)


def _dag(graph: _Graph, parents: list[str], start: str, tasks: list, dependencies: dict, end: str) -> None:
    placed = {task["id"]: _task(graph, parents, task, "PARALLEL") for task in tasks}
    needed = {dep for deps in dependencies.values() for dep in deps}
    for task_id, (entry, leave) in placed.items():
        deps = [d for d in dependencies.get(task_id, []) if d in placed]
        for dep in deps:
            graph.edge(placed[dep][1], entry, "SEQUENTIAL")
        if not deps:
            graph.edge(start, entry, "PARALLEL")
        if task_id not in needed:
            graph.edge(leave, end, "PARALLEL")


def _task(graph: _Graph, parents: list[str], task: dict, relation: str) -> tuple[str, str]:
    """(entry uid, exit uid) of a task: itself, or its cluster's root and end."""
    cls = resolve(str(task.get("type")))
    if cls is None or not cls.flowable:
        uid = graph.node(task["id"], "GraphTask", task=task, relationType=relation, taskRun=None, values=None)
        return uid, uid
    instance = cls(task)
    uid = f"cluster_{task['id']}"
    root = graph.node(f"{uid}.root", "GraphClusterRoot")
    own = graph.node(task["id"], "GraphTask", task=task, relationType=relation, taskRun=None, values=None)
    graph.edge(root, own, relation)
    graph.flowables.append(task["id"])
    branches = {k: v for k, v in cls.nested_task_lists(task).items() if k not in HANDLERS}
    layout = instance.layout_of_children()
    dependencies = instance.child_dependencies() if layout is ChildLayout.DEPENDENCIES else None
    members = _cluster_body(graph, uid, parents, root, own, branches, task, layout, dependencies)
    graph.clusters.append({"cluster": {"uid": uid, "type": HIERARCHIES + "GraphCluster", "task": task,
                                       "relationType": relation},
                           "nodes": [root, own, *members], "parents": list(parents), "start": root,
                           "end": f"{uid}.end"})
    return root, f"{uid}.end"
