"""Kestra's Python script tasks: io.kestra.plugin.scripts.python.Commands and Script.

Under the Process runner, `python` is the scripts' environment (python_env): the
project's Python, where the `kestra` library is installed, so `from kestra import
Kestra` works without `dependencies`. `dependencies` are installed first, into an
environment cached per set of them (python_dependencies); under a container runner,
with pip in the container before the commands. `pythonVersion` other than the worker's
own gives the task an environment of that Python (python_version); under a container
runner the image's Python runs."""
from __future__ import annotations

import shlex
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from plugins.api.properties import Example, Property
from plugins.api.registry import register

from .exec_script import ExecScript, ScriptSetup, script_properties
from .python_dependencies import Recipe, cached_environment, dependency_list, throwaway_environment
from .python_version import is_running, requested_version
from .task_runners import TaskRunner
from .working_files import replace_storage_uris

PYTHON_IMAGE = "python:3.13-slim"
# Kestra's Python tasks' dependency management (since 0.23).
DEPENDENCY_PROPERTIES = (
    Property("dependencies", "array",
             description="Python requirements (`requests`, `pandas==2.2.3`, a wheel's path) installed before the "
                         "commands."),
    Property("packageManager", "enum", values=("UV", "PIP"), default="UV", dynamic=False,
             description="What installs the dependencies: uv when the worker has one (on its PATH or beside "
                         "its Python), pip otherwise."),
    Property("pythonVersion",
             description="The Python the task runs (`3.12`): the worker's own when it is that version, else one "
                         "uv finds or installs (without uv, a `python3.12` on the worker's PATH)."),
    Property("dependencyCacheEnabled", "boolean", default=True,
             description="Reuse the environment installed for the same dependencies by an earlier run."),
)
# Kestra's Python Script writes these first: Pebble renders booleans and null in JSON's
# words, so `x = {{ flag }}` is valid Python.
PRELUDE = "true = True\nfalse = False\nnull = None\n"


class PythonTask(ExecScript):
    default_image = PYTHON_IMAGE
    family_env: ClassVar[dict[str, str]] = {"PYTHONUNBUFFERED": "true", "PIP_ROOT_USER_ACTION": "ignore",
                                            "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    @contextmanager
    def setup(self, ctx: Any, runner: TaskRunner, env: dict[str, str]) -> Iterator[ScriptSetup]:
        """The `dependencies` installed first: on the host, into an environment of their
        own (of `pythonVersion`'s Python) put first on the PATH; in a container, by pip
        before the commands."""
        dependencies = dependency_list(ctx.render(self.get("dependencies")))
        version = requested_version(ctx.render(self.get("pythonVersion")))
        if not runner.on_host:
            if version is not None:
                ctx.logger.warn(f"pythonVersion {version} is not acted on under a container runner: "
                                f"the image's Python runs")
            before = [f"python -m pip install --quiet --disable-pip-version-check {shlex.join(dependencies)}"]
            yield ScriptSetup(before=before if dependencies else [])
            return
        foreign = version if version is not None and not is_running(version) else None
        if not dependencies and foreign is None:
            yield ScriptSetup()
            return
        recipe = Recipe(tuple(dependencies), foreign, str(self.get("packageManager") or "UV"))
        if ctx.render_property("dependencyCacheEnabled") is False:
            with throwaway_environment(ctx, Path(tempfile.mkdtemp(prefix="kestraweb-python-deps-")), recipe,
                                       env) as bin_folder:
                yield ScriptSetup(path_first=bin_folder)
            return
        from django.conf import settings  # where the data folder is

        with cached_environment(ctx, Path(settings.DATA_DIR), recipe, env) as bin_folder:
            yield ScriptSetup(path_first=bin_folder)


@register
class Commands(PythonTask):
    type = "io.kestra.plugin.scripts.python.Commands"
    title = "Run Python files and commands."
    properties = script_properties(
        PYTHON_IMAGE, *DEPENDENCY_PROPERTIES,
        Property("commands", "array", required=True, description="The commands (e.g. python main.py)."),
    )
    examples = (
        Example("Run a Python file given as an input file", """\
id: python_commands
namespace: company.team

tasks:
  - id: python
    type: io.kestra.plugin.scripts.python.Commands
    taskRunner:
      type: io.kestra.plugin.core.runner.Process
    inputFiles:
      main.py: |
        from kestra import Kestra
        Kestra.outputs({"answer": 42})
    commands:
      - python main.py
""", full=True),
    )

    def script_commands(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> list[str]:
        return self.rendered_commands(ctx, extra)


@register
class Script(PythonTask):
    type = "io.kestra.plugin.scripts.python.Script"
    title = "Run an inline Python script."
    properties = script_properties(
        PYTHON_IMAGE, *DEPENDENCY_PROPERTIES,
        Property("script", required=True, description="The Python source, rendered, written to a file and run."),
    )
    examples = (
        Example("Give outputs and a counter with the kestra library", """\
id: python_script
namespace: company.team

tasks:
  - id: python
    type: io.kestra.plugin.scripts.python.Script
    taskRunner:
      type: io.kestra.plugin.core.runner.Process
    script: |
      from kestra import Kestra
      marks = [79, 91, 85, 64, 82]
      Kestra.outputs({"total": sum(marks)})
      Kestra.counter("marks", len(marks))

  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "Total: {{ outputs.python.vars.total }}"
""", full=True),
    )

    def script_commands(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> list[str]:
        path = folder / f"{uuid.uuid4().hex}.py"
        # kestra:// URIs in the source are local copies' paths, as in Kestra's Script
        path.write_text(PRELUDE + replace_storage_uris(ctx, folder, str(ctx.render(self.get("script"), extra))))
        return [f'python "{path}"']
