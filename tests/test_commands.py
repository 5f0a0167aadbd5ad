"""The command-line contract of DESIGN.md: loadflows and runflow."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.models import Flow

ROOT = Path(__file__).resolve().parent.parent
HELLO = """id: hello-world
namespace: tests.cli
inputs:
  - id: who
    type: STRING
    defaults: World
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.who }}"
"""


def cli(*args, data_dir, migrate=True):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KESTRAWEB_DATA_DIR"] = str(data_dir)
    if migrate:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_runflow_json_gives_the_execution_and_its_logs(tmp_path):
    flow = tmp_path / "hello.yaml"
    flow.write_text(HELLO)
    proc = cli("runflow", str(flow), "--input", "who=Ada", "--json", data_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    assert body["state"]["current"] == "SUCCESS" and body["flowId"] == "hello-world"
    assert body["taskRunList"][0]["taskId"] == "hello"
    assert [log["message"] for log in body["logs"]] == ["Hello Ada"]


def test_runflow_prints_a_readable_summary_and_exits_1_on_failure(tmp_path):
    flow = tmp_path / "fail.yaml"
    flow.write_text("id: f\nnamespace: tests.cli\ntasks:\n"
                    "  - id: boom\n    type: io.kestra.plugin.core.execution.Fail\n")
    proc = cli("runflow", str(flow), data_dir=tmp_path)
    assert proc.returncode == 1
    assert "FAILED" in proc.stdout and "boom" in proc.stdout and "Task failure" in proc.stdout


def test_runflow_refuses_a_bad_input_with_exit_2(tmp_path):
    flow = tmp_path / "typed.yaml"
    flow.write_text(HELLO.replace("type: STRING\n    defaults: World", "type: INT"))
    proc = cli("runflow", str(flow), "--input", "who=many", data_dir=tmp_path)
    assert proc.returncode == 2 and "who" in proc.stderr


def test_loadflows_reports_invalid_files_with_their_line_and_saves_the_rest(tmp_path):
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "good.yaml").write_text(HELLO)
    (tmp_path / "flows" / "bad.yaml").write_text(
        "id: bad\nnamespace: tests.cli\ntasks:\n  - id: x\n    type: nope.Nope\n")
    proc = cli("loadflows", str(tmp_path / "flows"), data_dir=tmp_path)
    assert proc.returncode == 2
    assert "bad.yaml:5" in proc.stderr and "nope.Nope" in proc.stderr
    assert "hello-world (revision 1)" in proc.stdout


@pytest.mark.django_db
def test_saving_a_flow_twice_makes_a_revision_only_when_it_changed():
    from flows.services import save_flow

    flow, changed = save_flow(HELLO)
    assert changed and flow.revision == 1
    assert save_flow(HELLO) == (flow, False)
    flow, changed = save_flow(HELLO.replace("Hello", "Hi"))
    assert changed and flow.revision == 2 and flow.revisions.count() == 2
    assert Flow.objects.count() == 1


@pytest.mark.parametrize("command", ["runflow", "loadflows"])
def test_commands_bring_a_fresh_database_up_to_date_themselves(tmp_path, command):
    flow = tmp_path / "hello.yaml"
    flow.write_text(HELLO)
    proc = cli(command, str(flow), data_dir=tmp_path, migrate=False)
    assert proc.returncode == 0, proc.stderr
    assert "hello-world" in proc.stdout
