"""A flow's tasks by id, instantiated once per flow revision and reused."""
from __future__ import annotations

from functools import lru_cache

from plugins import registry
from plugins.task import TaskType


class FlowIndex:
    """Every task of a parsed flow (tasks, errors, finally and all nested lists), by id.

    Task ids are unique in a flow, so a taskrun's task_id names its task."""

    def __init__(self, spec):
        self.spec = spec
        self.tasks: dict[str, TaskType] = {}
        for branch in (spec.tasks, spec.errors, spec.finally_, spec.after_execution):
            self._index(branch or [])

    def _index(self, specs):
        for task_spec in specs:
            cls = registry.resolve(task_spec["type"])
            self.tasks[task_spec["id"]] = cls(task_spec)
            for nested in cls.nested_task_lists(task_spec).values():
                self._index(nested)

    def task(self, task_id: str) -> TaskType:
        return self.tasks[task_id]

    def add(self, specs):
        """Tasks that appear at run time (a Template task inlines its template's tasks)."""
        self._index(specs)


@lru_cache(maxsize=256)
def spec_for_source(source: str):
    """The parsed flow of a revision's source, parsed once per process (read-only)."""
    from flows.spec import parse_flow

    return parse_flow(source)


@lru_cache(maxsize=256)
def index_for_source(source: str) -> FlowIndex:
    return FlowIndex(spec_for_source(source))
