"""A parsed, defaulted and validated flow."""
from __future__ import annotations

from dataclasses import dataclass, field

from .walk import walk_tasks


@dataclass
class FlowSpec:
    id: str
    namespace: str
    tasks: list
    revision: int | None = None
    description: str | None = None
    inputs: list = field(default_factory=list)
    variables: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    finally_: list = field(default_factory=list)
    after_execution: list = field(default_factory=list)
    triggers: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    labels: list = field(default_factory=list)
    concurrency: dict | None = None
    disabled: bool = False
    plugin_defaults: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    source: str = ""

    def all_tasks(self):
        """(task, path) for every task at any depth."""
        for task, path, _container, _index in walk_tasks(self.data):
            yield task, path
