"""A FlowGraph (nodes, edges, clusters) read back into what a page draws: lanes of
items, an item a task or a flowable's box holding its own lanes.

The graph is walked by its edges, so the picture follows what flows.graph decided and
nothing here names a flowable type: from a node, the edges of the body (SEQUENTIAL,
PARALLEL, CHOICE) lead to the next item; several targets are lanes drawn side by side
(a Parallel's branches, a Switch's cases, a Dag's roots), a CHOICE's value labelling
its lane as Kestra labels the edge ("then", "else", a case, "defaults"); ERROR, FINALLY and
AFTER_EXECUTION edges start the labelled handler lanes. A node reached twice (a Dag
task with several dependencies) is drawn once, its lane saying what it comes after."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

BODY = ("SEQUENTIAL", "PARALLEL", "CHOICE", None)
ROOT = "root"


@dataclass
class TaskState:
    """What an execution did with one task: the state shown and how many task runs (a
    loop's iterations) it took."""
    state: str
    runs: int = 1


@dataclass
class Task:
    task_id: str
    type: str
    relation: str | None
    state: TaskState | None = None
    kind: str = "task"

    @property
    def short_type(self) -> str:
        return self.type.rsplit(".", 1)[-1]


@dataclass
class Lane:
    items: list = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # task ids this lane waits for (a Dag's dependencies)
    choice: str | None = None  # the branch it is, when its flowable chooses one ("then", a Switch case)


@dataclass
class Handlers:
    """The labelled branches of a flow or a flowable: errors, finally, afterExecution."""
    errors: list[Lane] = field(default_factory=list)
    finally_: list[Lane] = field(default_factory=list)
    after_execution: list[Lane] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.errors or self.finally_ or self.after_execution)


@dataclass
class Cluster:
    task: Task
    lanes: list[Lane]
    handlers: Handlers
    kind: str = "cluster"

    @property
    def side_by_side(self) -> bool:
        return len(self.lanes) > 1


@dataclass
class Topology:
    triggers: list[dict]
    lanes: list[Lane]
    handlers: Handlers

    def tasks(self):
        """Every task drawn, depth first (tests and summaries)."""
        def walk(lanes):
            for lane in lanes:
                for item in lane.items:
                    yield item.task if isinstance(item, Cluster) else item
                    if isinstance(item, Cluster):
                        yield from walk(item.lanes)
                        yield from walk(_handler_lanes(item.handlers))
        yield from walk([*self.lanes, *_handler_lanes(self.handlers)])


def _handler_lanes(handlers: Handlers) -> list[Lane]:
    return [*handlers.errors, *handlers.finally_, *handlers.after_execution]


class _Reader:
    def __init__(self, graph: dict, states: dict[str, TaskState]):
        self.nodes = {node["uid"]: node for node in graph.get("nodes") or []}
        self.out: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        self.into: dict[str, list[str]] = defaultdict(list)
        self.choices: dict[tuple[str, str], str] = {}  # (source, target) -> a CHOICE edge's value
        for edge in graph.get("edges") or []:
            relation = (edge.get("relation") or {}).get("relationType")
            self.out[edge["source"]].append((edge["target"], relation))
            self.into[edge["target"]].append(edge["source"])
            if relation == "CHOICE" and (edge.get("relation") or {}).get("value") is not None:
                self.choices[(edge["source"], edge["target"])] = str(edge["relation"]["value"])
        self.clusters = {c["start"]: c for c in graph.get("clusters") or [] if c["cluster"]["uid"] != "Triggers"}
        self.states = states
        self.placed: set[str] = set()

    def targets(self, uid: str, relations) -> list[str]:
        return [target for target, relation in self.out.get(uid, []) if relation in relations]

    def lanes(self, start: str, relations, stops: set[str]) -> list[Lane]:
        """The lanes beginning at the targets of `start`'s edges of `relations`."""
        lanes, queue = [], [t for t in self.targets(start, relations) if t not in stops]
        empty = [Lane(choice=self.choices[(start, t)]) for t in self.targets(start, relations)
                 if t in stops and (start, t) in self.choices]  # a branch with no task (an empty case)
        while queue:
            uid = queue.pop(0)
            if uid in self.placed or uid in stops:
                continue
            lane, spilled = self.walk(uid, stops)
            lane.choice = self.choices.get((start, uid))
            lane.after = [self._task_id(src) for src in self.into.get(uid, [])
                          if src != start and self._task_id(src) is not None]
            lanes.append(lane)
            queue.extend(spilled)
        return lanes + empty

    def walk(self, uid: str, stops: set[str]) -> tuple[Lane, list[str]]:
        """One lane from `uid` while a single body edge leads on; the targets of a fork
        (a Dag task several others wait for) are returned to become lanes of their own."""
        lane = Lane()
        while uid not in stops and uid not in self.placed:
            self.placed.add(uid)
            item, exit_uid = self.item(uid)
            lane.items.append(item)
            following = [t for t in self.targets(exit_uid, BODY) if t not in stops]
            if len(following) != 1:
                return lane, following
            uid = following[0]
        return lane, []

    def item(self, uid: str):
        """(the task or flowable box at `uid`, the node its lane goes on from)."""
        cluster = self.clusters.get(uid)
        if cluster is None:
            return self.task(uid), uid
        name = cluster["cluster"]["uid"]
        own = next(iter(self.targets(uid, BODY)), None)
        self.placed.add(own)
        task = self.task(own)
        stops = {f"{name}.end", f"{name}.finally"}
        return Cluster(task, self.lanes(own, BODY, stops), self.handlers(name, uid)), cluster["end"]

    def handlers(self, name: str, root: str) -> Handlers:
        end = f"{name}.end"
        after = f"{name}.after-execution"
        finally_uid = f"{name}.finally"
        leave = {end, finally_uid, after}
        return Handlers(
            errors=self.lanes(root, ("ERROR",), leave),
            finally_=self.lanes(finally_uid, ("FINALLY",), {end, after}) if finally_uid in self.nodes else [],
            after_execution=self.lanes(after, ("AFTER_EXECUTION",), {end}) if after in self.nodes else [])

    def task(self, uid: str) -> Task:
        node = self.nodes.get(uid) or {}
        spec = node.get("task") or {}
        task_id = str(spec.get("id", uid))
        return Task(task_id, str(spec.get("type", "")), node.get("relationType"), self.states.get(task_id))

    def _task_id(self, uid: str) -> str | None:
        node = self.nodes.get(uid) or {}
        if node.get("task"):
            return str(node["task"].get("id"))
        if uid.endswith(".end") and uid.startswith("cluster_"):
            return uid.removeprefix("cluster_").removesuffix(".end")
        return None


def topology(graph: dict, states: dict[str, TaskState] | None = None) -> Topology:
    """The picture of `graph`; `states` (task id -> TaskState) colours an execution's."""
    reader = _Reader(graph, states or {})
    triggers = [node.get("trigger") or {} for node in reader.nodes.values()
                if node.get("type", "").endswith(".GraphTrigger")]
    root = f"{ROOT}.root"
    stops = {f"{ROOT}.end", f"{ROOT}.finally", f"{ROOT}.after-execution"}
    return Topology(triggers, reader.lanes(root, BODY, stops), reader.handlers(ROOT, root))
