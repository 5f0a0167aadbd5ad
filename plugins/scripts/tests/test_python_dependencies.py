"""Kestra's `dependencies` of the Python tasks under the Process runner: installed before
the commands, once per set of dependencies (a second run reuses the environment), or
for the run only with `dependencyCacheEnabled: false`; an install that fails fails the
task naming them. The package is a wheel written by the test, so no index is asked
(PIP_NO_INDEX)."""
import base64
import hashlib
import uuid
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from plugins.scripts.python_dependencies import COMPLETE, FOLDER
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tiny_wheel(tmp_path: Path) -> tuple[str, str, Path]:
    """(module name, the value it holds, the wheel's path) of a package this machine has
    nowhere else: a wheel written here (a zip of the module and its dist-info, PEP 427),
    so nothing is built or downloaded."""
    name = f"kwtiny_{uuid.uuid4().hex[:8]}"
    token = uuid.uuid4().hex
    info = f"{name}-0.1.dist-info"
    files = {
        f"{name}/__init__.py": f"TOKEN = {token!r}\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: kestraweb-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [f"{path},sha256={digest(content)},{len(content.encode())}" for path, content in files.items()]
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    wheel = tmp_path / f"{name}-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return name, token, wheel


def digest(content: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content.encode()).digest()).rstrip(b"=").decode()


def script_flow(flow_id: str, module: str, dependencies: list[str], extra: str = "") -> str:
    listed = "".join(f"\n              - {dependency}" for dependency in dependencies)
    return f"""
        id: {flow_id}
        namespace: tests.scripts
        tasks:
          - id: py
            type: io.kestra.plugin.scripts.python.Script
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            env:
              PIP_NO_INDEX: "1"
            dependencies:{listed}
            {extra}
            script: |
              import sys
              import {module}
              from kestra import Kestra
              Kestra.outputs({{"token": {module}.TOKEN, "prefix": sys.prefix}})
    """


def install_logs(run) -> list[str]:
    return [line for line in run.logs() if line.startswith("Installing 1 Python dependencies")]


def test_dependencies_are_installed_once_then_reused(tiny_wheel):
    module, token, wheel = tiny_wheel
    first = run_flow(script_flow("deps_cached", module, [str(wheel)]), timeout=180)
    assert first.state == "SUCCESS", first.logs()
    assert first.one("py").outputs["vars"]["token"] == token
    prefix = Path(first.one("py").outputs["vars"]["prefix"])
    assert prefix.parent == Path(settings.DATA_DIR) / FOLDER and (prefix / COMPLETE).is_file()
    assert len(install_logs(first)) == 1

    second = run_flow(script_flow("deps_cached", module, [str(wheel)]), timeout=180)
    assert second.state == "SUCCESS", second.logs()
    assert second.one("py").outputs["vars"] == {"token": token, "prefix": str(prefix)}
    assert install_logs(second) == []  # found complete: nothing installed again
    with pytest.raises(ImportError):  # installed in its environment, not the project's
        __import__(module)


def test_without_the_cache_the_environment_is_the_runs_own(tiny_wheel):
    module, token, wheel = tiny_wheel
    run = run_flow(script_flow("deps_uncached", module, [str(wheel)], "dependencyCacheEnabled: false"), timeout=180)
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("py").outputs["vars"]
    assert outputs["token"] == token
    prefix = Path(outputs["prefix"])
    assert Path(settings.DATA_DIR) / FOLDER not in prefix.parents
    assert not prefix.exists()  # removed once the run ended


def test_a_dependency_that_cannot_be_installed_fails_the_task_naming_it(tmp_path):
    missing = tmp_path / "kwmissing-1.0-py3-none-any.whl"
    run = run_flow(script_flow("deps_missing", "json", [str(missing)]), timeout=180)
    assert run.state == "FAILED"
    assert any(line.startswith("dependencies: pip could not install") and str(missing) in line
               for line in run.logs()), run.logs()
    half_made = [path for path in (Path(settings.DATA_DIR) / FOLDER).iterdir() if path.is_dir()
                 and not (path / COMPLETE).is_file()]
    assert half_made  # left without its completion mark: the next run starts it again
