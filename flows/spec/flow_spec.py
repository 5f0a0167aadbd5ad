"""A parsed, defaulted and validated flow."""
from __future__ import annotations

from dataclasses import dataclass, field

from .walk import walk_tasks


@dataclass
class FlowSpec:
    """Plain data only (dicts, lists, strings, numbers), so it can be stored and
    rendered as is. `data` is the whole flow with pluginDefaults applied; the other
    fields are its parts, normalised (inputs with `id` and canonical types, labels as
    {key, value} pairs, plugin_defaults as one list)."""

    id: str
    namespace: str
    tasks: list
    revision: int | None = None
    description: str | None = None
    inputs: list = field(default_factory=list)
    variables: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    finally_: list = field(default_factory=list)  # the YAML key is `finally`
    after_execution: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    concurrency: dict | None = None
    disabled: bool = False
    plugin_defaults: list = field(default_factory=list)
    retry: dict | None = None
    data: dict = field(default_factory=dict)
    source: str = ""

    def all_tasks(self):
        """(task, path) for every task at any depth: tasks, errors, finally,
        afterExecution, listeners, and every child list of every flowable."""
        for task, path, _container, _index in walk_tasks(self.data):
            yield task, path
