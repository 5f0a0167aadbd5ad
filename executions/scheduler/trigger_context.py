"""The scheduler's side of plugins.api.trigger_events.TriggerContext: what one polling or
realtime trigger evaluation may use (Kestra's trigger RunContext).

The id of the execution an evaluation may start is picked before the evaluation
(Kestra's triggerExecutionId): a batch file is stored under it, and the execution is
then created with that same id. A realtime listener gets a new id after each event."""
from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import expressions
from executions.engine.expression_limits import expression_budget
from executions.engine.ids import new_id
from executions.engine.secrets import read_secret
from storage import internal_storage, layout

log = logging.getLogger("executions.scheduler.triggers")


class TriggerLogger:
    """plugins.api.context.TaskLogger over the scheduler's log, each line naming its trigger."""

    def __init__(self, name: str):
        self.name = name

    def _log(self, level: int, message: str) -> None:
        log.log(level, "[%s] %s", self.name, message)

    def trace(self, message): self._log(logging.DEBUG, message)
    def debug(self, message): self._log(logging.DEBUG, message)
    def info(self, message): self._log(logging.INFO, message)
    def warn(self, message): self._log(logging.WARNING, message)
    def error(self, message): self._log(logging.ERROR, message)


@dataclass
class SchedulerTriggerContext:
    namespace: str
    flow_id: str
    trigger_id: str
    variables: dict
    execution_id: str = field(default_factory=new_id)
    logger: TriggerLogger = None
    _work: Path | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.logger is None:
            self.logger = TriggerLogger(f"{self.namespace}.{self.flow_id} trigger {self.trigger_id}")

    def render(self, value, extra: dict | None = None):
        variables = {**self.variables, **extra} if extra else self.variables
        return expressions.render_value(value, variables, {"secret": read_secret}, expression_budget())

    def working_dir(self) -> Path:
        if self._work is None:
            self._work = Path(tempfile.mkdtemp(prefix="kestraweb-trigger-"))
        return self._work

    def put_file(self, path: Path) -> str:
        path = Path(path)
        uri = layout.trigger_file(self.namespace, self.flow_id, self.execution_id, self.trigger_id, path.name)
        return internal_storage().put(uri, path)

    def next_execution(self) -> None:
        """The event carried so far has its execution: the next one gets a new id."""
        self.execution_id = new_id()

    def discard_files(self) -> None:
        """No execution was created with `execution_id`: the files stored for it go."""
        folder = layout.uri(layout.execution_folder(self.namespace, self.flow_id, self.execution_id))
        internal_storage().delete_folder(folder)

    def close(self) -> None:
        """The evaluation is over: its working folder goes."""
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None
