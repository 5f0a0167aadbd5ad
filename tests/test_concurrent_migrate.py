"""Commands that migrate on their own (runflow, loadflows) may start together on a fresh
data folder: one migrates, the others wait for it and then run (Kestra's servers share
one database and migrate it once, under a lock)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOW = """id: hello
namespace: tests.race
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


def test_four_runflows_at_once_on_a_fresh_data_folder_all_succeed(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KESTRAWEB_DATA_DIR"] = str(tmp_path / "fresh")
    flow = tmp_path / "hello.yaml"
    flow.write_text(FLOW)
    procs = [subprocess.Popen([sys.executable, "manage.py", "runflow", str(flow)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [proc.communicate(timeout=300)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0, 0], errors
