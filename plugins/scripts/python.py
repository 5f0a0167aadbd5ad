"""Kestra's Python script tasks: io.kestra.plugin.scripts.python.Commands and Script.

Under the Process runner, `python` is the scripts' environment (python_env): the
project's Python, where the `kestra` library is installed, so `from kestra import
Kestra` works without `dependencies`. `dependencies` (which Kestra installs with uv or
pip) are not installed here: a script uses what the environment has, and the task logs
a warning saying so."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, ClassVar

from plugins.api.properties import Example, Property
from plugins.api.registry import register

from .exec_script import ExecScript, script_properties
from .working_files import replace_storage_uris

PYTHON_IMAGE = "python:3.13-slim"
# Kestra's Python tasks' dependency management (since 0.24), accepted and not acted on.
DEPENDENCY_PROPERTIES = (
    Property("dependencies", "array", description="Python packages Kestra installs first; not installed here."),
    Property("packageManager", "enum", values=("UV", "PIP"), default="UV", dynamic=False,
             description="How Kestra installs the dependencies."),
    Property("pythonVersion", description="The Python version Kestra installs the dependencies for."),
    Property("dependencyCacheEnabled", "boolean", default=True, description="Whether Kestra caches the dependencies."),
)
# Kestra's Python Script writes these first: Pebble renders booleans and null in JSON's
# words, so `x = {{ flag }}` is valid Python.
PRELUDE = "true = True\nfalse = False\nnull = None\n"


class PythonTask(ExecScript):
    default_image = PYTHON_IMAGE
    family_env: ClassVar[dict[str, str]] = {"PYTHONUNBUFFERED": "true", "PIP_ROOT_USER_ACTION": "ignore",
                                            "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def warn_dependencies(self, ctx: Any) -> None:
        if self.get("dependencies"):
            ctx.logger.warn("dependencies are not installed by kestraweb: the script runs with the packages "
                            "its environment has (install them there, or in beforeCommands)")


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
        self.warn_dependencies(ctx)
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
        self.warn_dependencies(ctx)
        path = folder / f"{uuid.uuid4().hex}.py"
        # kestra:// URIs in the source are local copies' paths, as in Kestra's Script
        path.write_text(PRELUDE + replace_storage_uris(ctx, folder, str(ctx.render(self.get("script"), extra))))
        return [f'python "{path}"']
