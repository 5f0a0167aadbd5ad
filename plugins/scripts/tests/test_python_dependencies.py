"""Kestra's `dependencies` of the Python tasks under the Process runner: installed before
the commands, by uv or pip (`packageManager`), once per set of dependencies (a second run
reuses the environment), or for the run only with `dependencyCacheEnabled: false`; an
install that fails fails the task naming them. The package is a wheel written by the
test, found by name in its folder, no index asked."""
from pathlib import Path

import pytest
from django.conf import settings

from plugins.scripts.python_dependencies import COMPLETE, FOLDER
from plugins.scripts.uv_binary import find_uv
from tests.flow_runs import run_flow

from .python_wheels import TinyWheel, script_flow, write_wheel

pytestmark = pytest.mark.django_db(transaction=True)
MANAGERS = ["UV", "PIP"]


@pytest.fixture
def tiny_wheel(tmp_path: Path) -> TinyWheel:
    return write_wheel(tmp_path / "wheels")


def install_logs(run) -> list[str]:
    return [line for line in run.logs() if line.startswith("Installing 1 Python dependencies")]


def test_uv_is_there_to_test():
    """The test extras install uv: the UV cases below test uv, not a fallback to pip."""
    assert find_uv() is not None


@pytest.mark.parametrize("manager", MANAGERS)
def test_dependencies_are_installed_once_then_reused(tiny_wheel, manager):
    flow = script_flow("deps_cached", tiny_wheel, [tiny_wheel.requirement], f"packageManager: {manager}")
    first = run_flow(flow, timeout=180)
    assert first.state == "SUCCESS", first.logs()
    assert first.one("py").outputs["vars"]["token"] == tiny_wheel.token
    prefix = Path(first.one("py").outputs["vars"]["prefix"])
    assert prefix.parent == Path(settings.DATA_DIR) / FOLDER and (prefix / COMPLETE).is_file()
    assert len(install_logs(first)) == 1

    second = run_flow(flow, timeout=180)
    assert second.state == "SUCCESS", second.logs()
    assert second.one("py").outputs["vars"]["prefix"] == str(prefix)
    assert install_logs(second) == []  # found complete: nothing installed again
    with pytest.raises(ImportError):  # installed in its environment, not the project's
        __import__(tiny_wheel.module)


def test_uv_installs_them_when_asked(tiny_wheel):
    run = run_flow(script_flow("deps_uv", tiny_wheel, [tiny_wheel.requirement], "packageManager: UV"), timeout=180)
    assert run.state == "SUCCESS", run.logs()
    installed = Path(run.one("py").outputs["vars"]["prefix"]) / "lib"
    records = installed.glob(f"*/site-packages/{tiny_wheel.module}-*/INSTALLER")
    installers = {path.read_text().strip() for path in records}
    assert installers == {"uv"}


def test_without_the_cache_the_environment_is_the_runs_own(tiny_wheel):
    flow = script_flow("deps_uncached", tiny_wheel, [tiny_wheel.requirement], "dependencyCacheEnabled: false")
    run = run_flow(flow, timeout=180)
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("py").outputs["vars"]
    assert outputs["token"] == tiny_wheel.token
    prefix = Path(outputs["prefix"])
    assert Path(settings.DATA_DIR) / FOLDER not in prefix.parents
    assert not prefix.exists()  # removed once the run ended


@pytest.mark.parametrize("manager", MANAGERS)
def test_a_dependency_that_cannot_be_installed_fails_the_task_naming_it(tiny_wheel, manager):
    missing = "kwmissing-nowhere==1.0"
    run = run_flow(script_flow("deps_missing", tiny_wheel, [missing], f"packageManager: {manager}", module="json"),
                   timeout=180)
    assert run.state == "FAILED"
    assert any(line.startswith(f"dependencies: {manager.lower()} could not install {missing}")
               for line in run.logs()), run.logs()
    half_made = [path for path in (Path(settings.DATA_DIR) / FOLDER).iterdir() if path.is_dir()
                 and not (path / COMPLETE).is_file()]
    assert half_made  # left without its completion mark: the next run starts it again
