"""The shared conformance cases (Kestra flows with Kestra's results) all pass."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "conformance" / "check.py"


@pytest.mark.skipif(not CHECKER.exists(), reason=f"{CHECKER} is not beside the project")
def test_every_conformance_case_passes():
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("DATABASE_URL", None)
    proc = subprocess.run([sys.executable, str(CHECKER), "--project", str(ROOT)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    print(proc.stdout)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " 0 failed" in proc.stdout.strip().splitlines()[-1]
