"""Kestra's `pythonVersion` of the Python tasks: the worker's own Python when it is that
version; another one made by uv (found on the machine here: nothing is downloaded), or
without uv by a python<version> on the PATH; a version neither can give fails the task
naming it."""
import json
import os
import subprocess
import sys

import pytest

from plugins.scripts.python_version import RUNNING
from plugins.scripts.uv_binary import find_uv
from tests.flow_runs import run_flow

from .python_wheels import script_flow, write_wheel

pytestmark = pytest.mark.django_db(transaction=True)
MAJOR_MINOR = f"{sys.version_info.major}.{sys.version_info.minor}"


def errors(run) -> list[str]:
    return [line for line in run.logs() if line.startswith("pythonVersion")]


def test_the_workers_own_version_runs_the_workers_python(tmp_path):
    wheel = write_wheel(tmp_path)
    run = run_flow(script_flow("version_own", wheel, [wheel.requirement], f"pythonVersion: \"{MAJOR_MINOR}\""),
                   timeout=180)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("py").outputs["vars"]["version"] == RUNNING
    assert run.one("py").outputs["vars"]["token"] == wheel.token


def test_the_workers_own_version_without_dependencies_builds_nothing():
    run = run_flow(script_flow("version_plain", None, [], f"pythonVersion: \"{RUNNING}\""), timeout=60)
    assert run.state == "SUCCESS", run.logs()
    assert not any(line.startswith("Installing") for line in run.logs())


@pytest.mark.parametrize("manager", ["UV", "PIP"])
def test_a_version_no_one_can_give_fails_the_task_naming_it(manager):
    run = run_flow(script_flow("version_none", None, [], f"packageManager: {manager}\npythonVersion: \"2.1\""),
                   timeout=60)
    assert run.state == "FAILED"
    [error] = errors(run)
    assert error.startswith("pythonVersion 2.1:")
    if manager == "UV":
        # uv's own reason follows; its wording changes between uv releases
        assert "uv found no Python 2.1 on this worker and could not install one: " in error
        assert len(error) > len("pythonVersion 2.1: uv found no Python 2.1 on this worker and could not install one: ")
    else:
        assert "has no python2.1 on its PATH" in error


def test_a_version_that_is_no_version_is_refused():
    run = run_flow(script_flow("version_bad", None, [], "pythonVersion: latest"), timeout=60)
    assert run.state == "FAILED"
    assert "pythonVersion must be a version such as 3.12, not 'latest'" in run.logs()


def other_local_python() -> str | None:
    """A CPython version uv finds on this machine that the worker does not run."""
    listed = subprocess.run([find_uv() or "uv", "python", "list", "--only-installed", "--output-format", "json"],
                            capture_output=True, text=True, check=False)
    versions = {entry["version"] for entry in json.loads(listed.stdout or "[]")
                if entry.get("implementation") == "cpython" and "+" not in entry["version"]}
    return next(iter(sorted(versions - {RUNNING})), None)


def test_uv_makes_the_environment_of_another_version(tmp_path):
    version = other_local_python()
    if version is None:
        pytest.skip("no Python other than the worker's on this machine, and nothing is downloaded in tests")
    wheel = write_wheel(tmp_path)
    flow = script_flow("version_other", wheel, [wheel.requirement], f"packageManager: UV\npythonVersion: \"{version}\"")
    run = run_flow(flow, timeout=180)
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("py").outputs["vars"]
    assert outputs["version"] == version and outputs["token"] == wheel.token
    again = run_flow(flow, timeout=180)  # cached under its version, as any set is
    assert again.one("py").outputs["vars"]["prefix"] == outputs["prefix"]
    assert not any(line.startswith("Installing") for line in again.logs())


def test_without_uv_a_python_of_that_version_on_the_path_makes_it(tmp_path, monkeypatch):
    version = other_local_python()
    if version is None:
        pytest.skip("no Python other than the worker's on this machine")
    found = subprocess.run([find_uv() or "uv", "python", "find", version], capture_output=True, text=True, check=True)
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / f"python{version}").symlink_to(found.stdout.strip())
    monkeypatch.setenv("PATH", f"{on_path}:{os.environ['PATH']}")
    wheel = write_wheel(tmp_path / "wheels")
    run = run_flow(script_flow("version_pip", wheel, [wheel.requirement],
                               f"packageManager: PIP\npythonVersion: \"{version}\""), timeout=180)
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("py").outputs["vars"]
    assert outputs["version"] == version and outputs["token"] == wheel.token
