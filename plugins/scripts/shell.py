"""Kestra's shell script tasks: io.kestra.plugin.scripts.shell.Commands and Script."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from plugins.api.properties import Example, Property
from plugins.api.registry import register

from .exec_script import ExecScript, script_properties

SHELL_IMAGE = "ubuntu"


class ShellTask(ExecScript):
    default_image = SHELL_IMAGE


@register
class Commands(ShellTask):
    type = "io.kestra.plugin.scripts.shell.Commands"
    title = "Run shell commands."
    properties = script_properties(
        SHELL_IMAGE,
        Property("commands", "array", required=True, description="The shell commands, run one after the other."),
    )
    examples = (
        Example("Run commands on the worker's host and keep a file they write", """\
id: shell_commands
namespace: company.team

tasks:
  - id: shell
    type: io.kestra.plugin.scripts.shell.Commands
    taskRunner:
      type: io.kestra.plugin.core.runner.Process
    outputFiles:
      - out.txt
    commands:
      - echo "Hello World" > out.txt
      - echo '::{"outputs":{"greeting":"Hello"}}::'
""", full=True),
    )

    def script_commands(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> list[str]:
        return self.rendered_commands(ctx, extra)


@register
class Script(ShellTask):
    type = "io.kestra.plugin.scripts.shell.Script"
    title = "Run a multi-line shell script."
    properties = script_properties(
        SHELL_IMAGE, Property("script", required=True, description="The shell script, rendered."),
    )
    examples = (
        Example("A shell script with an input file", """\
id: shell_script
namespace: company.team

tasks:
  - id: script
    type: io.kestra.plugin.scripts.shell.Script
    taskRunner:
      type: io.kestra.plugin.core.runner.Process
    inputFiles:
      data.txt: |
        one
        two
    script: |
      wc -l < data.txt
""", full=True),
    )

    def script_commands(self, ctx: Any, folder: Path, extra: dict[str, Any]) -> list[str]:
        return [str(ctx.render(self.get("script"), extra))]
