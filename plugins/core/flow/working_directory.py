"""WorkingDirectory: children run one after the other in one shared temporary folder."""
import shutil
import tempfile
from pathlib import Path

from plugins.properties import Property
from plugins.registry import register
from plugins.task import FlowableTask

from .sequential import TASKS


@register
class WorkingDirectory(FlowableTask):
    type = "io.kestra.plugin.core.flow.WorkingDirectory"
    aliases = ("io.kestra.core.tasks.flows.WorkingDirectory",)
    title = "Run tasks sequentially in a shared working directory."
    properties = (
        TASKS,
        Property("inputFiles", "object", description="Files to create first: name -> content (rendered)."),
    )

    def resolve(self, rt, taskrun):
        memo = rt.memo(taskrun)
        if "workingDir" not in memo:
            folder = Path(tempfile.mkdtemp(prefix=f"kestraweb-wd-{taskrun.id}-"))
            for name, content in (rt.render(self.get("inputFiles") or {}, taskrun)).items():
                target = (folder / name).resolve()
                if folder.resolve() not in target.parents:
                    raise ValueError(f"inputFiles: {name!r} is outside the working directory")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(str(content))
            memo["workingDir"] = str(folder)
            rt.save_memo(taskrun)
        return self.tasks_with_handlers(rt, taskrun, rt.sequential(self.spec["tasks"], taskrun))

    def finished(self, taskrun):
        folder = taskrun.memo.get("workingDir")
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
