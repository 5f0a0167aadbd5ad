"""A task's timeout and a kill of its execution stop the script's whole process group,
children included (Kestra's Process runner kills the process and its descendants)."""
import time
from pathlib import Path

import pytest

from tests.background import run_in_background, wait_for
from tests.flow_runs import kill_execution, run_flow, save, start_execution, taskrun_state

from .script_flows import script_flow

pytestmark = pytest.mark.django_db(transaction=True)


def alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def pids(folder: Path) -> list[int]:
    return [int(path.read_text()) for path in sorted(folder.glob("*.pid"))]


def test_a_timeout_kills_the_process_and_its_children(tmp_path):
    started = time.monotonic()
    run = run_flow(script_flow("too_slow", "shell.Script", f"""
        timeout: PT1S
        script: |
          sleep 60 &
          echo $! > {tmp_path}/child.pid
          echo $$ > {tmp_path}/shell.pid
          wait
    """))
    assert run.state == "FAILED" and run.one("sh").state == "FAILED"
    assert time.monotonic() - started < 30
    assert any(message.startswith("Timeout after") for message in run.logs())
    assert len(pids(tmp_path)) == 2
    wait_for(lambda: not any(alive(pid) for pid in pids(tmp_path)), seconds=10)


def test_a_kill_stops_a_long_script(tmp_path):
    flow = save(script_flow("killed_script", "python.Script", f"""
        script: |
          import os, subprocess, time
          child = subprocess.Popen(["sleep", "60"])
          open("{tmp_path}/child.pid", "w").write(str(child.pid))
          open("{tmp_path}/python.pid", "w").write(str(os.getpid()))
          print("ready", flush=True)
          time.sleep(60)
    """, task_id="py"))
    execution = start_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: len(pids(tmp_path)) == 2, seconds=20)
    kill_execution(execution.id)
    thread.join(30)
    assert result["execution"].state == "KILLED"
    assert taskrun_state(execution.id, "py") == "KILLED"
    wait_for(lambda: not any(alive(pid) for pid in pids(tmp_path)), seconds=10)
