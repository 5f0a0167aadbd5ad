"""Kestra's task runners for script tasks: where the commands run.

- `io.kestra.plugin.core.runner.Process`: a subprocess of the worker, in the task's
  working directory (plugins.api.process); `python` is the scripts' own (python_env).
- `io.kestra.plugin.scripts.runner.docker.Docker`: a container of `containerImage` (or
  the runner's `image`), run with the docker CLI, the working directory mounted at the
  same path. It needs a Docker daemon that answers; without one the task fails saying so.

A task chooses with `taskRunner: {type: ...}`, or the older `runner: PROCESS|DOCKER`
with `docker: {image: ...}`. A task naming neither runs with the default runner,
KESTRAWEB_SCRIPT_DEFAULT_RUNNER: PROCESS here (Kestra's default is Docker; a worker
here runs scripts on its host unless the flow or the setting asks for containers)."""
from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from plugins.api.context import TaskFailed
from plugins.api.process import ProcessResult, run_process

from .python_env import scripts_python_bin

PROCESS = "io.kestra.plugin.core.runner.Process"
DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker"
RUNNER_TYPES = (PROCESS, DOCKER)
LEGACY_RUNNERS = {"PROCESS": PROCESS, "DOCKER": DOCKER}  # the deprecated `runner` property
# Docker's pullPolicy -> `docker run --pull`.
PULL_POLICIES = {"IF_NOT_PRESENT": "missing", "ALWAYS": "always", "NEVER": "never"}
# Seconds `docker info` may take to say whether a daemon answers.
DOCKER_INFO_TIMEOUT = 10


@dataclass
class ScriptCommand:
    args: list[str]  # the interpreter and its arguments, the script last
    folder: Path  # the working directory
    env: dict[str, str] = field(default_factory=dict)  # the task's own variables (WORKING_DIR, env...)
    image: str | None = None  # the container image, for container runners
    # The Process runner's `bin` folder put first on the PATH (an environment with the
    # task's Python dependencies); None: the scripts' own (python_env).
    path_first: Path | None = None


class TaskRunner(Protocol):
    # Whether the commands run on the worker's host (their `python` is the worker's),
    # not in a container of their own.
    on_host: bool

    def run(self, ctx: Any, command: ScriptCommand) -> ProcessResult: ...


class ProcessRunner:
    """Kestra's Process runner: the worker's environment, plus the task's."""

    on_host = True

    def run(self, ctx: Any, command: ScriptCommand) -> ProcessResult:
        first = command.path_first or scripts_python_bin()
        path = f"{first}{os.pathsep}{os.environ.get('PATH', os.defpath)}"
        return run_process(ctx, command.args, cwd=command.folder, env={"PATH": path, **command.env})


class DockerRunner:
    """Kestra's Docker runner, on the docker CLI."""

    on_host = False

    def __init__(self, options: dict[str, Any]):
        self.options = options

    def run(self, ctx: Any, command: ScriptCommand) -> ProcessResult:
        image = self.options.get("image") or command.image
        if not image:
            raise TaskFailed("The Docker task runner needs an image: set containerImage (or docker.image)")
        docker_env = {"DOCKER_HOST": str(self.options["host"])} if self.options.get("host") else {}
        docker_available(docker_env)
        name = f"kestraweb-{ctx.taskrun_id or 'task'}-{uuid.uuid4().hex[:8]}".lower()
        args = ["docker", "run", "--rm", "--name", name, "-v", f"{command.folder}:{command.folder}",
                "-w", str(command.folder), *self._options_args()]
        for key, value in command.env.items():
            args += ["-e", f"{key}={value}"]
        args += [str(image), *command.args]
        try:
            return run_process(ctx, args, cwd=command.folder, env=docker_env)
        except BaseException:
            # the CLI's process group is killed; the container is the daemon's: remove it too
            subprocess.run(["docker", "rm", "-f", name], env={**os.environ, **docker_env},
                           capture_output=True, timeout=DOCKER_INFO_TIMEOUT, check=False)
            raise

    def _options_args(self) -> list[str]:
        options, args = self.options, []
        pull = str(options.get("pullPolicy") or "IF_NOT_PRESENT").upper()
        if pull not in PULL_POLICIES:
            raise TaskFailed(f"Docker pullPolicy must be one of {', '.join(PULL_POLICIES)}, got '{pull}'")
        args += ["--pull", PULL_POLICIES[pull]]
        entry_point = options.get("entryPoint", [""])  # Kestra runs the commands, not the image's entrypoint
        args += ["--entrypoint", " ".join(str(part) for part in entry_point or [""])]
        if options.get("user"):
            args += ["--user", str(options["user"])]
        if options.get("networkMode"):
            args += ["--network", str(options["networkMode"])]
        for volume in options.get("volumes") or []:
            args += ["-v", str(volume)]
        for host in options.get("extraHosts") or []:
            args += ["--add-host", str(host)]
        if options.get("privileged"):
            args.append("--privileged")
        if options.get("shmSize"):
            args += ["--shm-size", str(options["shmSize"])]
        memory = options.get("memory") or {}
        if isinstance(memory, dict) and memory.get("memory"):
            args += ["--memory", str(memory["memory"])]
        cpu = options.get("cpu") or {}
        if isinstance(cpu, dict) and cpu.get("cpus"):
            args += ["--cpus", str(cpu["cpus"])]
        return args


def docker_available(env: dict[str, str] | None = None) -> None:
    """TaskFailed unless a Docker daemon answers."""
    try:
        answer = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True,
                                text=True, timeout=DOCKER_INFO_TIMEOUT, env={**os.environ, **(env or {})},
                                check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TaskFailed(f"The Docker task runner needs a Docker daemon: {exc}") from exc
    if answer.returncode != 0:
        reason = (answer.stderr or answer.stdout).strip().splitlines()
        raise TaskFailed("The Docker task runner needs a Docker daemon, and none answers: "
                         + (reason[-1] if reason else f"docker info exited with {answer.returncode}"))


def choose_runner(task_runner: Any, legacy_runner: Any, docker: Any, default: str) -> TaskRunner:
    """The runner a task asked for (rendered values), the newest way first."""
    docker_options = dict(docker) if isinstance(docker, dict) else {}
    if legacy_runner:  # Kestra: `runner` wins over `taskRunner` when set
        kind = LEGACY_RUNNERS.get(str(legacy_runner).upper())
        if kind is None:
            raise TaskFailed(f"runner must be PROCESS or DOCKER, got '{legacy_runner}'")
        return DockerRunner(docker_options) if kind == DOCKER else ProcessRunner()
    if task_runner is not None:
        if not isinstance(task_runner, dict) or task_runner.get("type") not in RUNNER_TYPES:
            kind = task_runner.get("type") if isinstance(task_runner, dict) else task_runner
            raise TaskFailed(f"taskRunner type must be one of {', '.join(RUNNER_TYPES)}, got '{kind}'")
        if task_runner["type"] == DOCKER:
            return DockerRunner({**docker_options, **{k: v for k, v in task_runner.items() if k != "type"}})
        return ProcessRunner()
    default_kind = LEGACY_RUNNERS.get(default.upper(), default)
    return DockerRunner(docker_options) if default_kind == DOCKER else ProcessRunner()
