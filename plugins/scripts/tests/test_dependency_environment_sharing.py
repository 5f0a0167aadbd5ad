"""Two tasks needing the same new environment at once: one builds it, the other waits
and uses it whole, and stops waiting when it times out; a task holds its environment
(shared) while it runs, so the purge cannot take it."""
from pathlib import Path

import pytest
from django.conf import settings

from plugins.scripts.dependency_cache import FOLDER, lock_path
from plugins.scripts.environment_lock import held
from plugins.scripts.python_dependencies import Recipe
from tests.flow_runs import run_flow

from .python_wheels import script_flow, script_task, write_wheel

pytestmark = pytest.mark.django_db(transaction=True)

# Run inside the task: can anyone take its environment's lock exclusively now?
LOCK_PROBE = """
import fcntl, json, sys
with open(sys.prefix + ".lock", "a") as lock:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        busy = False
    except BlockingIOError:
        busy = True
print("::" + json.dumps({"outputs": {"busy": busy}}) + "::")
"""


def test_two_tasks_at_once_build_it_once(tmp_path):
    wheel = write_wheel(tmp_path)
    env = wheel.offline_env()
    tasks = "\n".join(script_task(f"py{n}", wheel.module, [wheel.requirement], env, indent="              ")
                      for n in (1, 2))
    run = run_flow(f"""
        id: deps_parallel
        namespace: tests.scripts
        tasks:
          - id: both
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
{tasks}
    """, timeout=180)
    assert run.state == "SUCCESS", run.logs()
    first, second = (run.one(task).outputs["vars"] for task in ("py1", "py2"))
    assert first["token"] == second["token"] == wheel.token
    assert first["prefix"] == second["prefix"]
    assert len([line for line in run.logs() if line.startswith("Installing 1 Python dependencies")]) == 1


def test_a_running_task_holds_its_environment(tmp_path):
    wheel = write_wheel(tmp_path)
    probe = "\n".join(f"                {line}" for line in LOCK_PROBE.strip().splitlines())
    run = run_flow(f"""
        id: deps_held
        namespace: tests.scripts
        tasks:
          - id: py
            type: io.kestra.plugin.scripts.python.Script
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            env: {wheel.offline_env()}
            dependencies:
              - {wheel.requirement}
            script: |
{probe}
    """, timeout=180)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("py").outputs["vars"]["busy"] is True


def test_a_task_waiting_for_another_ones_install_stops_at_its_timeout(tmp_path):
    wheel = write_wheel(tmp_path)
    home = Path(settings.DATA_DIR) / FOLDER / Recipe((wheel.requirement,), None, "UV").key()
    home.parent.mkdir(parents=True, exist_ok=True)
    with held(lock_path(home), exclusive=True):  # an install under way, never ending
        run = run_flow(script_flow("deps_waiting", wheel, [wheel.requirement], "timeout: PT1S"), timeout=60)
    assert run.state == "FAILED"
    assert any(line.startswith("Timeout after") for line in run.logs()), run.logs()
    assert not home.exists()
