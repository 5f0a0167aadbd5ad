"""Kestra's shell script tasks: io.kestra.plugin.scripts.shell.Commands and Script."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from plugins.api.properties import Example, Property
from plugins.api.registry import register

from .exec_script import COMMON_PROPERTIES, ExecScript

SHELL_IMAGE = "ubuntu"
CONTAINER_IMAGE = Property("containerImage", default=SHELL_IMAGE,
                           description="The container image, for container task runners.")


@register
class Commands(ExecScript):
    type = "io.kestra.plugin.scripts.shell.Commands"
    title = "Run shell commands."
    default_image = SHELL_IMAGE
    properties = (
        *COMMON_PROPERTIES, CONTAINER_IMAGE,
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
        return [str(command) for command in ctx.render(self.get("commands"), extra) or []]


@register
class Script(ExecScript):
    type = "io.kestra.plugin.scripts.shell.Script"
    title = "Run a multi-line shell script."
    default_image = SHELL_IMAGE
    properties = (
        *COMMON_PROPERTIES, CONTAINER_IMAGE,
        Property("script", required=True, description="The shell script, rendered."),
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
