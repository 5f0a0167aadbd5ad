"""Kestra's Python script tasks: io.kestra.plugin.scripts.python.Commands and Script.

Under the Process runner, `python` is the scripts' environment (python_env): the
project's Python, where the `kestra` library is installed, so `from kestra import
Kestra` works without `dependencies`. `dependencies` are installed first, into an
environment cached per set of them (python_dependencies); under a container runner,
with pip in the container before the commands. `pythonVersion` is not acted on: the
dependencies are installed for the worker's Python (the task logs a warning when they
differ)."""
from __future__ import annotations

import shlex
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from plugins.api.properties import Example, Property
from plugins.api.registry import register

from .exec_script import ExecScript, ScriptSetup, script_properties
from .python_dependencies import cached_environment, dependency_list, throwaway_environment
from .task_runners import TaskRunner
from .working_files import replace_storage_uris

PYTHON_IMAGE = "python:3.13-slim"
# Kestra's Python tasks' dependency management (since 0.23).
DEPENDENCY_PROPERTIES = (
    Property("dependencies", "array",
             description="Python requirements (`requests`, `pandas==2.2.3`, a wheel's path) installed before the "
                         "commands."),
    Property("packageManager", "enum", values=("UV", "PIP"), default="UV", dynamic=False,
             description="What installs the dependencies: uv when one is on the PATH, pip otherwise."),
    Property("pythonVersion",
             description="The Python version Kestra installs; here the worker's Python is used (a warning says so)."),
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
        own put first on the PATH; in a container, by pip before the commands."""
        dependencies = dependency_list(ctx.render(self.get("dependencies")))
        if not dependencies:
            yield ScriptSetup()
            return
        self._warn_python_version(ctx)
        if not runner.on_host:
            yield ScriptSetup(before=[f"python -m pip install --quiet --disable-pip-version-check "
                                      f"{shlex.join(dependencies)}"])
            return
        manager = str(self.get("packageManager") or "UV")
        if ctx.render_property("dependencyCacheEnabled") is False:
            with throwaway_environment(ctx, Path(tempfile.mkdtemp(prefix="kestraweb-python-deps-")), dependencies,
                                       manager, env) as bin_folder:
                yield ScriptSetup(path_first=bin_folder)
            return
        from django.conf import settings  # where the data folder is

        yield ScriptSetup(path_first=cached_environment(ctx, Path(settings.DATA_DIR), dependencies, manager, env))

    def _warn_python_version(self, ctx: Any) -> None:
        wanted = ctx.render(self.get("pythonVersion"))
        running = f"{sys.version_info.major}.{sys.version_info.minor}"
        parts = str(wanted).strip().split(".") if wanted else []
        if parts and parts != [str(n) for n in sys.version_info[:3]][:len(parts)]:
            ctx.logger.warn(f"pythonVersion {wanted} is not installed by kestraweb: the dependencies are installed "
                            f"for the worker's Python {running}")


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
