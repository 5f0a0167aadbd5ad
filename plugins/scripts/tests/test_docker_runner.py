"""The Docker task runner (io.kestra.plugin.scripts.runner.docker.Docker, and the older
`runner: DOCKER` with `docker.image`) runs the commands in a container of the image,
the working directory mounted; without a Docker daemon the task fails saying so."""
import subprocess

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def docker_answers() -> str | None:
    """Why Docker cannot be used here, or None when a daemon answers."""
    try:
        answer = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return None if answer.returncode == 0 else (answer.stderr.strip().splitlines() or ["docker info failed"])[-1]


def test_commands_run_in_a_container_of_the_image():
    reason = docker_answers()
    if reason is not None:
        pytest.skip(f"no Docker daemon answers: {reason}")
    run = run_flow("""
        id: in_docker
        namespace: tests.scripts
        tasks:
          - id: new_style
            type: io.kestra.plugin.scripts.shell.Commands
            containerImage: alpine:3
            taskRunner:
              type: io.kestra.plugin.scripts.runner.docker.Docker
            outputFiles: ["os.txt"]
            commands:
              - cat /etc/os-release | grep -c Alpine > os.txt
              - echo '::{"outputs": {"inside": true}}::'
          - id: old_style
            type: io.kestra.plugin.scripts.shell.Commands
            runner: DOCKER
            docker:
              image: alpine:3
            commands:
              - grep -q Alpine /etc/os-release
    """, timeout=300)
    assert run.state == "SUCCESS"
    assert run.one("new_style").outputs["vars"] == {"inside": True}


def test_without_a_daemon_the_task_fails_and_says_why():
    if docker_answers() is None:
        pytest.skip("a Docker daemon answers here: the failure without one cannot be seen")
    run = run_flow("""
        id: no_docker
        namespace: tests.scripts
        tasks:
          - id: sh
            type: io.kestra.plugin.scripts.shell.Commands
            containerImage: alpine:3
            taskRunner:
              type: io.kestra.plugin.scripts.runner.docker.Docker
            commands:
              - echo never
    """)
    assert run.state == "FAILED"
    assert any(m.startswith("The Docker task runner needs a Docker daemon") for m in run.logs())
