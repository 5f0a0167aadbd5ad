"""`runflow --timeout N` and `runexecution --timeout N` that run out of time end with
a line saying so and how to carry the execution on, and exit 124 (as coreutils'
`timeout` does), not with a TimeoutError traceback."""
import pytest

from executions.management.report import TIMEOUT_EXIT
from executions.models import Execution
from tests.subprocesses import manage_env, run_manage

pytestmark = pytest.mark.django_db(transaction=True)

NAP = """
id: too_long
namespace: tests.cluster
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT1H
"""


def test_runflow_and_runexecution_time_out_with_a_message(tmp_path):
    (tmp_path / "too_long.yaml").write_text(NAP)
    ran = run_manage("runflow", str(tmp_path / "too_long.yaml"), "--timeout", "1", env=manage_env(tmp_path))
    execution = Execution.objects.get(flow_id="too_long")
    assert ran.returncode == TIMEOUT_EXIT
    assert "Traceback" not in ran.stderr
    assert f"execution {execution.id} did not end within 1 s (--timeout)" in ran.stderr
    assert f"runexecution {execution.id}" in ran.stderr

    again = run_manage("runexecution", execution.id, "--timeout", "1", env=manage_env(tmp_path))
    assert again.returncode == TIMEOUT_EXIT and "Traceback" not in again.stderr
    assert "did not end within 1 s" in again.stderr
