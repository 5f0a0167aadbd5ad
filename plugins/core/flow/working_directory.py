"""WorkingDirectory: children run one after the other in one shared temporary folder.

As Kestra's WorkingDirectory (preExecuteTasks / postExecuteTasks), before the tasks the
folder gets, in this order, the files of its `cache`, the `namespaceFiles` and the
`inputFiles`; once the tasks ended, whatever their state, the files matching
`outputFiles` are kept in internal storage as the `outputFiles` output (relative path
-> URI) and the `cache` is written. A failure while preparing fails the directory
before any task runs; one while keeping the output files fails it too (Kestra's
"Failed preExecuteTasks / postExecuteTasks on WorkingDirectory")."""
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from expressions.errors import ExpressionError
from plugins.api.context import TaskFailed
from plugins.api.flowable import SHARED_FOLDER_MEMO, FlowableRuntime, Step
from plugins.api.folder_files import input_files, matching_files
from plugins.api.namespace_files import load_namespace_files, namespace_files_property
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import FlowableTask
from plugins.api.taskrun import TaskRunModel
from storage import StorageError
from storage.globs import BadGlob, compile_glob
from storage.namespace_files import path_matcher

from . import working_directory_cache as cache
from .folder_files import write_inputs
from .sequential import TASKS

CACHE_RESTORED_AT = "cacheRestoredAt"  # memo: when the cache was unpacked (epoch s), 0 without one
AFTER_TASKS_DONE = "afterTasksDone"  # memo: outputFiles and cache already kept
# What filling the folder or keeping its files may raise besides TaskFailed: a bad
# rendered value, a pattern or path that cannot be read, a storage or file system error.
FOLDER_ERRORS = (TaskFailed, ExpressionError, ValueError, OSError, StorageError)


@register
class WorkingDirectory(FlowableTask):
    type = "io.kestra.plugin.core.flow.WorkingDirectory"
    aliases = ("io.kestra.core.tasks.flows.WorkingDirectory", "io.kestra.core.tasks.flows.Worker")
    title = "Run tasks sequentially in a shared working directory."
    examples = (Example("Tasks that share one folder", """\
id: workdir
type: io.kestra.plugin.core.flow.WorkingDirectory
inputFiles:
  hello.txt: "Hello {{ flow.id }}"
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: first
  - id: second
    type: io.kestra.plugin.core.log.Log
    message: second
"""),)
    worker_children = ("tasks",)
    restarts_whole = True  # its folder is gone once it ended: its children cannot run again alone
    properties = (
        TASKS,
        Property("inputFiles", "any",
                 description="Files to create first: a map of name to content (rendered), or that map as JSON."),
        Property("outputFiles", "array",
                 description="Glob patterns (rendered) of files to keep in internal storage once the tasks ended."),
        namespace_files_property(),
        Property("cache", "object", dynamic=False,
                 description="Keep the files matching `patterns` from one run to the next, for `ttl` "
                             "(an ISO-8601 duration; none: no expiry).", fields=cache.CACHE_FIELDS),
    )
    outputs = (Output("outputFiles", "object", "URIs of the kept files by path relative to the folder."),)

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """Patterns written as they are (no expression) must be readable: a glob with
        an unclosed `[` or `{`, or a `regex:` that does not compile, is refused when
        the flow is saved rather than when the folder is filled."""
        readers: dict[str, Callable[[str], object]] = {"outputFiles": compile_glob, "cache.patterns": compile_glob,
                   "namespaceFiles.include": path_matcher, "namespaceFiles.exclude": path_matcher}
        problems: list[tuple[str, str]] = []
        for where, read in readers.items():
            value: Any = spec
            for key in where.split("."):
                value = value.get(key) if isinstance(value, dict) else None
            for index, pattern in enumerate([value] if isinstance(value, str) else value or []):
                if not isinstance(pattern, str) or "{{" in pattern or "{%" in pattern:
                    continue
                try:
                    read(pattern)
                except (BadGlob, ExpressionError) as exc:
                    problems.append((f"{where}[{index}]" if isinstance(value, list) else where, str(exc)))
        return problems

    def resolve(self, rt: FlowableRuntime, taskrun: TaskRunModel) -> Step:
        memo = rt.memo(taskrun)
        if SHARED_FOLDER_MEMO not in memo:
            folder = Path(tempfile.mkdtemp(prefix=f"kestraweb-wd-{taskrun.id}-"))
            try:
                restored_at = self._before_tasks(rt, taskrun, folder)
            except FOLDER_ERRORS as exc:
                shutil.rmtree(folder, ignore_errors=True)
                raise TaskFailed(f"Failed preExecuteTasks on WorkingDirectory: {exc}") from exc
            # Saved once the folder is ready: a process stopped while preparing it
            # leaves no half-filled folder for the tasks.
            memo.update({SHARED_FOLDER_MEMO: str(folder), CACHE_RESTORED_AT: restored_at})
            rt.save_memo(taskrun)
        step = rt.sequential(self.spec["tasks"], taskrun)
        if step.done and not memo.get(AFTER_TASKS_DONE):
            try:
                self._after_tasks(rt, taskrun, Path(memo[SHARED_FOLDER_MEMO]), memo.get(CACHE_RESTORED_AT) or 0.0)
            except FOLDER_ERRORS as exc:
                raise TaskFailed(f"Failed postExecuteTasks on WorkingDirectory: {exc}") from exc
            memo[AFTER_TASKS_DONE] = True
            rt.save_memo(taskrun)
        return self.tasks_with_handlers(rt, taskrun, step)

    def _before_tasks(self, rt: FlowableRuntime, taskrun: TaskRunModel, folder: Path) -> float:
        """Fill the folder; when the cache was unpacked (0: no cache)."""
        restored_at = cache.restore(rt, taskrun, folder, self.get("cache")) if self.get("cache") is not None else 0.0
        if self.get("namespaceFiles") is not None:
            load_namespace_files(self.get("namespaceFiles"), folder, render=lambda value: rt.render(value, taskrun),
                                 log=lambda level, message: rt.log(taskrun, level, message),
                                 files_of=rt.namespace_files,
                                 flow_namespace=rt.render("{{ flow.namespace }}", taskrun))
        write_inputs(folder, input_files(rt.render(self.get("inputFiles"), taskrun)))
        return restored_at

    def _after_tasks(self, rt: FlowableRuntime, taskrun: TaskRunModel, folder: Path, restored_at: float) -> None:
        if self.get("outputFiles"):
            kept = {relative: rt.put_file(taskrun, path, relative)
                    for relative, path in matching_files(folder, rt.render(self.get("outputFiles"), taskrun))}
            if kept:
                rt.set_outputs(taskrun, {"outputFiles": kept})
        if self.get("cache") is not None:
            try:
                cache.keep(rt, taskrun, folder, self.get("cache"), restored_at)
            except (OSError, StorageError) as exc:  # as in Kestra, a cache not kept does not fail the tasks
                rt.log(taskrun, "ERROR", f"Unable to execute WorkingDirectory post actions: {exc}")

    def finished(self, taskrun: TaskRunModel) -> None:
        folder = taskrun.memo.get(SHARED_FOLDER_MEMO)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
