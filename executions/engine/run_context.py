"""The engine's implementation of plugins.api.context.RunContext for one taskrun attempt."""
from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from django.db.models import F
from django.utils import timezone

import expressions
from executions import purge
from executions.encryption import decrypt_inputs
from executions.kv_store import KeyExpired, NamespaceKV
from executions.log_queries import execution_logs
from executions.models import Execution, LogEntry, MetricEntry, index_labels
from executions.serializers import log_json
from executions.trigger_switch import set_trigger_enabled
from plugins.api.cancellation import Cancellation, CancelSignal
from plugins.api.context import ExecutionInfo, ExecutionNotFound, PurgeFilter, TaskFailed, TaskInterrupted
from plugins.api.declared_render import render_declared
from plugins.api.files import NewFile
from plugins.api.taskrun import TaskRunView
from storage import internal_storage, layout
from storage.access import ExecutionRef, ExecutionStorage
from storage.namespace_files import NamespaceFiles

from . import other_executions
from .create import merge_labels
from .expression_limits import expression_limits
from .file_functions import file_functions
from .logger import ExecutionLogger, flush_logs
from .masking import remember
from .secrets import read_secret
from .task_state_files import TaskStateFile
from .variables import taskrun_variables

__all__ = ["EngineRunContext", "TaskInterrupted"]


class EngineRunContext:
    def __init__(self, view: Any, spec: dict[str, Any], taskrun: Any, task: Any, attempt_number: int = 1,
                 cancel: CancelSignal | None = None, deadline: float | None = None,
                 working_dir: Path | None = None) -> None:
        ex = view.execution
        # The model stays the engine's; a task reads `taskrun`, a frozen TaskRunView.
        self.view, self.spec, self._taskrun, self.task = view, spec, taskrun, task
        self.namespace, self.flow_id, self.execution_id = ex.namespace, ex.flow_id, ex.id
        self.taskrun_id = taskrun.id if taskrun else None
        self.attempt_number = attempt_number
        self.cancellation = Cancellation(cancel if cancel is not None else CancelSignal(), deadline)
        decrypt_inputs(ex.inputs or {})  # an input sealed under another SECRET_KEY fails the attempt here
        self.logger = ExecutionLogger(ex, taskrun, attempt_number, task.get("logLevel") or "TRACE" if task else "TRACE")
        self.kv = NamespaceKV(ex.namespace)
        self.storage = ExecutionStorage(ExecutionRef(ex.namespace, ex.flow_id, ex.id),
                                        parent=ExecutionRef.of_trigger((ex.trigger or {}).get("variables")))
        self.expression_limits = expression_limits()
        self._variables: dict[str, Any] | None = None
        self._working_dir: Path | None = working_dir
        self._own_working_dir: Path | None = None

    @property
    def taskrun(self) -> TaskRunView | None:
        """This taskrun as a task may see it (None when rendering flow-level values)."""
        tr = self._taskrun
        if tr is None:
            return None
        return TaskRunView(id=tr.id, task_id=tr.task_id, parent_id=tr.parent_id, value=tr.value,
                           attempt_number=self.attempt_number, iteration=tr.iteration)

    @property
    def cancel(self) -> CancelSignal:
        """The attempt's signal, which kill and timeout set (and the expressions' budget reads)."""
        return self.cancellation.signal

    @property
    def deadline(self) -> float | None:
        return self.cancellation.deadline

    @deadline.setter
    def deadline(self, value: float | None) -> None:
        self.cancellation.deadline = value

    def sibling_outputs(self, task_id: str) -> dict[str, Any] | None:
        sibling = self.view.find(task_id, self._taskrun.parent_id, self._taskrun.value)
        return sibling.outputs if sibling is not None else None

    # --- expressions -------------------------------------------------------------
    @property
    def variables(self) -> dict[str, Any]:
        if self._variables is None:
            self._variables = taskrun_variables(self.view, self.spec, self._taskrun, self.task)
        return self._variables

    def functions(self) -> dict[str, Any]:
        return {
            "kv": self._kv_function,
            "secret": self.secret,
            "errorLogs": self._error_logs,
            **file_functions(self.storage),
        }

    def render(self, value: Any, extra: dict[str, Any] | None = None) -> Any:
        variables = self.variables
        if extra:  # merged one level deep: extra {"taskrun": {"items": ...}} keeps taskrun.id
            variables = dict(variables)
            for key, more in extra.items():
                base = variables.get(key)
                variables[key] = {**base, **more} if isinstance(base, dict) and isinstance(more, dict) else more
        # bounded by the settings' limits, and stopped by the task's own timeout or kill
        budget = expressions.Budget(self.expression_limits, deadline=self.deadline, cancelled=self.cancel)
        try:
            return expressions.render_value(value, variables, self.functions(), budget)
        except expressions.RenderInterrupted:
            self.check_interrupted()  # the task's timeout or kill, reported as such
            raise

    def render_property(self, name: str, default: Any = None) -> Any:
        """The task's property rendered and read as its type declares it (an integer
        from "3"...); a value that cannot be fails the task naming it."""
        return render_declared(self.render, getattr(self.task, "spec", self.task), name, default)

    def _kv_function(self, key: Any, namespace: str | None = None, errorOnMissing: Any = True) -> Any:
        """Kestra's KvFunction: an expired key is an error only with errorOnMissing
        (the default); without it, it is missing."""
        try:
            return self.kv.get(str(key), namespace=namespace, error_on_missing=bool(errorOnMissing))
        except KeyExpired:
            if errorOnMissing:
                raise
            return None

    def _error_logs(self) -> list[dict[str, Any]]:
        flush_logs()  # the lines an executor round still keeps are part of the answer
        entries = LogEntry.objects.filter(execution_id=self.execution_id, level="ERROR").order_by("timestamp", "id")
        return [
            {"taskId": e.task_id, "taskRunId": e.taskrun_id, "message": e.message, "level": e.level,
             "timestamp": e.timestamp.isoformat(), "executionId": e.execution_id}
            for e in entries
        ]

    def secret(self, name: str) -> str:
        value = read_secret(str(name))
        remember(self.execution_id, value)
        return value

    def add_labels(self, labels: dict[str, Any]) -> None:
        execution = self.view.execution
        execution.labels = merge_labels(execution.labels, labels)
        # A new version: an executor that keeps its view between advances reads it again
        # (run inline, by that executor under its lock, its own view follows along).
        Execution.objects.filter(pk=execution.id).update(labels=execution.labels, version=F("version") + 1)
        index_labels(execution.id, execution.labels)
        execution.version += 1
        self._variables = None

    def metric(self, kind: str, name: str, value: float, tags: dict[str, Any] | None = None) -> None:
        if kind not in (MetricEntry.COUNTER, MetricEntry.TIMER):
            raise TaskFailed(f"Unknown metric type {kind!r} of metric {name!r}: counter or timer")
        ex = self.view.execution
        MetricEntry.objects.create(
            execution_id=ex.id, taskrun_id=self.taskrun_id, task_id=self._taskrun.task_id if self._taskrun else None,
            namespace=ex.namespace, flow_id=ex.flow_id, type=kind, name=str(name), value=float(value),
            tags={str(k): str(v) for k, v in (tags or {}).items()}, timestamp=timezone.now())

    def toggle_trigger(self, namespace: str, flow_id: str, trigger_id: str, enabled: bool) -> None:
        set_trigger_enabled(namespace, flow_id, trigger_id, enabled)

    # --- running ---------------------------------------------------------------------
    def check_interrupted(self) -> None:
        self.cancellation.check()

    def sleep(self, seconds: float) -> None:
        """Wait, raising TaskInterrupted as soon as the task is killed or times out."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            self.cancellation.check()
            left = end - time.monotonic()
            if left <= 0:
                return
            self.cancellation.wait(left)

    def working_dir(self) -> Path:
        if self._working_dir is None and self._taskrun is not None:
            folder = self.view.shared_folder(self._taskrun)  # inside a WorkingDirectory: share its folder
            if folder is not None:
                self._working_dir = Path(folder)
        if self._working_dir is None:
            self._own_working_dir = Path(tempfile.mkdtemp(prefix=f"kestraweb-{self.taskrun_id}-"))
            self._working_dir = self._own_working_dir
        return self._working_dir

    def cleanup(self) -> None:
        if self._own_working_dir is not None:
            shutil.rmtree(self._own_working_dir, ignore_errors=True)

    # --- internal storage ------------------------------------------------------------
    def storage_uri(self, name: str) -> str:
        return layout.taskrun_file(self.namespace, self.flow_id, self.execution_id,
                                   self._taskrun.task_id if self._taskrun else "flow", self.taskrun_id or "", name)

    def put_file(self, path: Path, name: str | None = None) -> str:
        path = Path(path)
        return internal_storage().put(self.storage_uri(name or path.name), path)

    @contextmanager
    def new_file(self, name: str) -> Iterator[NewFile]:
        """A file of this taskrun written as it goes (plugins.api.files); its URI is set
        once the block ends, and a block that raises leaves nothing stored."""
        uri = self.storage_uri(name)
        with internal_storage().writer(uri) as stream:
            handle = NewFile(stream, name)
            yield handle
        handle.finished(uri)

    def open_file(self, uri: str) -> BinaryIO:
        """A file this execution may read (see storage.access), opened for reading."""
        return self.storage.open(uri)

    # --- what the core storage, state, log, execution and namespace tasks ask (issue 16 item 8)
    def file_size(self, uri: str) -> int:
        return self.storage.size(uri)

    def delete_file(self, uri: str) -> bool:
        return self.storage.delete(uri)

    def delete_execution_files(self) -> list[str]:
        folder = layout.uri(layout.execution_folder(self.namespace, self.flow_id, self.execution_id))
        backend = internal_storage()
        uris = list(backend.walk(folder))
        backend.delete_folder(folder)
        return uris

    def task_state(self, name: str, flow_wide: bool, by_value: bool) -> TaskStateFile:
        value = self._taskrun.value if by_value and self._taskrun is not None else None
        return TaskStateFile(self.namespace, self.flow_id if flow_wide else None, name, value)

    def namespace_files(self, namespace: str) -> NamespaceFiles:
        return NamespaceFiles(namespace)

    def fetch_logs(self, target: ExecutionInfo, min_level: str, task_ids: list[str]) -> Iterator[dict[str, Any]]:
        flush_logs()  # lines this executor round still keeps are part of the answer
        selected: list[str | None] = list(task_ids) or [None]
        for task_id in selected:
            rows = execution_logs(target.id, min_level, task_id=task_id).filter(
                namespace=target.namespace, flow_id=target.flow_id)
            for entry in rows.iterator():
                yield log_json(entry)

    def purge_executions(self, which: PurgeFilter, executions: bool, logs: bool, metrics: bool,
                         storage: bool, batch_size: int = 100) -> dict[str, int]:
        return purge.purge_executions(which, executions, logs, metrics, storage, keep=self.execution_id,
                                      batch_size=batch_size)

    def purge_logs(self, which: PurgeFilter, execution_logs: bool, other_logs: bool) -> dict[str, int]:
        return purge.purge_logs(which, execution_logs, other_logs)

    def purge_kv(self, namespaces: list[str] | None, namespace_glob: str | None, key_glob: str | None,
                 children: bool, expired_only: bool) -> int:
        return purge.purge_kv(namespaces, namespace_glob, key_glob, children, expired_only)

    def resume_execution(self, target: ExecutionInfo, inputs: dict[str, Any] | None) -> None:
        """Only an execution of the flow named is resumed: the namespace and flow make
        the permission explicit, as Kestra's Resume documents."""
        if not Execution.objects.filter(id=target.id, namespace=target.namespace, flow_id=target.flow_id).exists():
            raise ExecutionNotFound(f"No execution found for execution id {target.id} "
                                    f"of flow {target.namespace}.{target.flow_id}")
        other_executions.resume(target.id, inputs)

if TYPE_CHECKING:
    from plugins.api.context import RunContext

    def _implements_run_context(ctx: EngineRunContext) -> RunContext:
        """mypy (`make lint`) checks here that the engine gives plugins what the
        protocol promises them: a drift between the two is a lint error."""
        return ctx
