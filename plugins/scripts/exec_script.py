"""What every script task shares (Kestra's AbstractExecScript and CommandsWrapper): its
properties, and one run:

1. the working directory gets the namespace files, then the input files;
2. the commands are rendered (with `workingDir`, and `outputDir` when asked for), their
   kestra:// URIs replaced by local copies, and joined after the `beforeCommands` into
   one script for the `interpreter` (default `/bin/sh -c`), behind `set -e` unless
   `failFast: false`;
3. the task runner runs it (task_runners); its lines become logs, `vars` outputs and
   metrics (plugins.api.process);
4. the files matching `outputFiles` (and those in `outputDir`) are kept in storage.

The outputs are Kestra's ScriptOutput: `vars`, `exitCode`, `outputFiles`. A non-zero exit
code fails the task with the last lines of stderr. `warningOnStdErr: true` ends a task
that wrote to stderr in WARNING; Kestra 0.23 dropped that behaviour (stderr no longer
changes the state), so here it is off unless a flow asks for it."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from plugins.api.context import TaskWarning
from plugins.api.folder_files import input_files
from plugins.api.namespace_files import load_namespace_files, namespace_files_property
from plugins.api.process import ProcessFailed
from plugins.api.properties import Output, Property
from plugins.api.task import RunnableTask
from storage.namespace_files import NamespaceFiles

from .task_runners import RUNNER_TYPES, ScriptCommand, TaskRunner, choose_runner
from .working_files import keep_output_files, replace_storage_uris, write_input_files

TARGET_OS = ("LINUX", "WINDOWS", "AUTO")

COMMON_PROPERTIES = (
    Property("taskRunner", "object", dynamic=False,
             description="The task runner: {type: io.kestra.plugin.core.runner.Process} or "
                         "{type: io.kestra.plugin.scripts.runner.docker.Docker, ...its options}."),
    Property("runner", "enum", values=("PROCESS", "DOCKER"), dynamic=False,
             description="Deprecated: use taskRunner. PROCESS or DOCKER."),
    Property("docker", "object", dynamic=False,
             description="Deprecated: use taskRunner and containerImage. Docker options ({image, pullPolicy...})."),
    Property("beforeCommands", "array", description="Commands run before the commands (e.g. pip install)."),
    Property("env", "object", description="Environment variables of the process, rendered."),
    Property("warningOnStdErr", "boolean", default=False,
             description="End the task in WARNING when it wrote to stderr (Kestra before 0.23 did so by "
                         "default; since, stderr never changes the state)."),
    Property("interpreter", "array", default=("/bin/sh", "-c"),
             description="The interpreter the commands are given to, as its last argument."),
    Property("failFast", "boolean", default=True,
             description="Stop at the first command that fails (`set -e`)."),
    namespace_files_property(),
    Property("inputFiles", "any",
             description="Files to create in the working directory: a map of path to content (a kestra:// URI "
                         "is copied from storage), or that map as JSON."),
    Property("outputFiles", "array", description="Glob patterns of the files to keep in storage once it ended."),
    Property("outputDirectory", "boolean", default=False,
             description="Deprecated: use outputFiles. Files written in {{ outputDir }} are kept."),
    Property("targetOS", "enum", values=TARGET_OS, default="AUTO", dynamic=False,
             description="The operating system the commands run on."),
)


def script_properties(default_image: str, *own: Property) -> tuple[Property, ...]:
    """What a script type declares: the properties every script task has, `containerImage`
    with the family's image as its default, then the type's own."""
    return (*COMMON_PROPERTIES,
            Property("containerImage", default=default_image,
                     description="The container image, for container task runners."),
            *own)


SCRIPT_OUTPUTS = (
    Output("vars", "object", "The outputs the script printed as ::{\"outputs\": ...}::."),
    Output("exitCode", "integer", "The exit code of the commands."),
    Output("outputFiles", "object", "URIs of the kept output files, by path relative to the working directory."),
)


@dataclass
class ScriptSetup:
    """What a family prepares for one run on the runner chosen (Python's dependencies)."""
    before: list[str] = field(default_factory=list)  # commands run first, before the beforeCommands
    path_first: Path | None = None  # a host runner's `bin` folder put first on the PATH


class ExecScript(RunnableTask):
    """A script task: subclasses give their commands (`script_commands`) and defaults."""

    outputs = SCRIPT_OUTPUTS
    default_image: ClassVar[str] = "ubuntu"
    # Variables every command of the family gets (PYTHONUNBUFFERED for Python).
    family_env: ClassVar[dict[str, str]] = {}

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        runner = spec.get("taskRunner")
        if isinstance(runner, dict) and runner.get("type") not in RUNNER_TYPES and "{{" not in str(runner.get("type")):
            return [("taskRunner.type", f"unknown task runner type '{runner.get('type')}' "
                                        f"(known: {', '.join(RUNNER_TYPES)})")]
        return []

    def script_commands(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> list[str]:
        """The rendered commands, before the storage URIs are replaced."""
        raise NotImplementedError

    def rendered_commands(self, ctx: Any, extra: dict[str, Any]) -> list[str]:
        """The `commands` property rendered, one string a command (what the Commands types run)."""
        return [str(command) for command in ctx.render(self.get("commands"), extra) or []]

    @contextmanager
    def setup(self, ctx: Any, runner: TaskRunner, env: dict[str, str]) -> Iterator[ScriptSetup]:
        """Prepared before the commands are rendered, undone once they ended; nothing by default."""
        yield ScriptSetup()

    def run(self, ctx: Any) -> dict[str, Any]:
        from django.conf import settings  # the default runner is a setting

        folder = ctx.working_dir()
        runner = choose_runner(ctx.render(self.get("taskRunner")), ctx.render(self.get("runner")),
                               ctx.render(self.get("docker")),
                               getattr(settings, "SCRIPT_DEFAULT_RUNNER", "PROCESS"))
        extra: dict[str, Any] = {"workingDir": str(folder)}
        self._fill(ctx, folder, extra)
        env = {**self.family_env, "WORKING_DIR": str(folder)}
        output_dir = None
        if ctx.render(self.get("outputDirectory")) is True or self.get("runner"):  # Kestra: on with `runner`
            output_dir = folder / uuid.uuid4().hex
            output_dir.mkdir()
            extra["outputDir"] = env["OUTPUT_DIR"] = str(output_dir)
        env.update({str(k): str(v) for k, v in (ctx.render(self.get("env"), extra) or {}).items()})
        with self.setup(ctx, runner, env) as setup:
            before = setup.before + [str(c) for c in ctx.render(self.get("beforeCommands"), extra) or []]
            commands = self.script_commands(ctx, folder, extra)
            lines = (["set -e"] if ctx.render(self.get("failFast")) is not False else []) + before + commands
            interpreter = [str(part) for part in ctx.render(self.get("interpreter"), extra)]
            script = replace_storage_uris(ctx, folder, "\n".join(lines))
            image = ctx.render(self.get("containerImage"), extra) or self.default_image
            result = runner.run(ctx, ScriptCommand([*interpreter, script], folder, env, image, setup.path_first))
        kept = keep_output_files(ctx, folder, ctx.render(self.get("outputFiles"), extra))
        if output_dir is not None:
            kept.update({relative: ctx.put_file(path, relative) for path in sorted(output_dir.rglob("*"))
                         if path.is_file() and (relative := path.relative_to(output_dir).as_posix())})
        outputs = {"vars": result.outputs, "exitCode": result.exit_code, "outputFiles": kept}
        try:
            result.check()
        except ProcessFailed as failed:
            failed.outputs = outputs  # a failed script's outputs and files are kept, as in Kestra
            raise
        if result.stderr_lines_count and ctx.render(self.get("warningOnStdErr")) is True:
            raise TaskWarning(f"{result.stderr_lines_count} line(s) written to stderr (warningOnStdErr)", outputs)
        return outputs

    def _fill(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> None:
        settings = self.get("namespaceFiles")
        if settings is not None:
            load_namespace_files(settings, folder, render=ctx.render, log=ctx.logger.log,
                                 files_of=NamespaceFiles, flow_namespace=ctx.namespace)
        write_input_files(ctx, folder, input_files(ctx.render(self.get("inputFiles"), extra)))
