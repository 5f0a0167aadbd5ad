"""WorkingDirectory: children run one after the other in one shared temporary folder,
created with its `inputFiles`; the files matching `outputFiles` are kept in internal
storage once the tasks ended, as the `outputFiles` output (relative path -> URI)."""
import shutil
import tempfile
from pathlib import Path

from plugins.flowable import SHARED_FOLDER_MEMO
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.task import FlowableTask

from .folder_files import input_files, matching_outputs, write_inputs
from .sequential import TASKS


@register
class WorkingDirectory(FlowableTask):
    type = "io.kestra.plugin.core.flow.WorkingDirectory"
    aliases = ("io.kestra.core.tasks.flows.WorkingDirectory", "io.kestra.core.tasks.flows.Worker")
    title = "Run tasks sequentially in a shared working directory."
    properties = (
        TASKS,
        Property("inputFiles", "any",
                 description="Files to create first: a map of name to content (rendered), or that map as JSON."),
        Property("outputFiles", "array",
                 description="Glob patterns (rendered) of files to keep in internal storage once the tasks ended."),
    )
    outputs = (Output("outputFiles", "object", "URIs of the kept files by path relative to the folder."),)

    def resolve(self, rt, taskrun):
        memo = rt.memo(taskrun)
        if SHARED_FOLDER_MEMO not in memo:
            folder = Path(tempfile.mkdtemp(prefix=f"kestraweb-wd-{taskrun.id}-"))
            memo[SHARED_FOLDER_MEMO] = str(folder)
            rt.save_memo(taskrun)
            write_inputs(folder, input_files(rt.render(self.get("inputFiles"), taskrun)))
        step = rt.sequential(self.spec["tasks"], taskrun)
        if step.done and self.get("outputFiles") and "outputFilesKept" not in memo:
            self._keep_outputs(rt, taskrun, Path(memo[SHARED_FOLDER_MEMO]))
            memo["outputFilesKept"] = True
            rt.save_memo(taskrun)
        return self.tasks_with_handlers(rt, taskrun, step)

    def _keep_outputs(self, rt, taskrun, folder: Path):
        kept = {relative: rt.put_file(taskrun, path, relative)
                for relative, path in matching_outputs(folder, rt.render(self.get("outputFiles"), taskrun))}
        if kept:
            rt.set_outputs(taskrun, {"outputFiles": kept})

    def finished(self, taskrun):
        folder = taskrun.memo.get(SHARED_FOLDER_MEMO)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
