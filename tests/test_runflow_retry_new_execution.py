"""runflow runs one flow to its end: when a retry with `behavior: CREATE_NEW_EXECUTION`
(Kestra's AbstractRetry.Behavior, ExecutorService replaying the flow) replaces the
execution by a new one, the run ends with the last execution of that chain, and the
command reports it and exits by its state."""
import io
import json

import pytest
from django.core.management import call_command

from executions.models import Execution

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """id: retried_run
namespace: tests.cli
inputs:
  - id: always_fail
    type: BOOLEAN
tasks:
  - id: flaky
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ inputs.always_fail or execution.originalId == execution.id }}"
    retry:
      type: constant
      interval: PT0.01S
      maxAttempt: 3
      behavior: CREATE_NEW_EXECUTION
"""


def runflow(tmp_path, *args) -> tuple[int, str]:
    path = tmp_path / "retried_run.yaml"
    path.write_text(FLOW)
    stdout = io.StringIO()
    try:
        call_command("runflow", str(path), *args, stdout=stdout, stderr=io.StringIO())
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue()
    return 0, stdout.getvalue()


def test_json_gives_the_last_execution_of_the_chain_and_exit_0_when_it_succeeded(tmp_path):
    code, out = runflow(tmp_path, "--input", "always_fail=false", "--json")
    body = json.loads(out)
    assert code == 0
    assert body["state"]["current"] == "SUCCESS"
    assert body["metadata"]["attemptNumber"] == 2
    states = sorted(Execution.objects.values_list("state", flat=True))
    assert states == ["RETRIED", "SUCCESS"]
    assert Execution.objects.get(pk=body["id"]).state == "SUCCESS"


def test_the_summary_names_the_earlier_executions(tmp_path):
    code, out = runflow(tmp_path, "--input", "always_fail=false")
    first = Execution.objects.get(replay_of__isnull=True)
    last = Execution.objects.get(replay_of=first.id)
    assert code == 0
    assert out.splitlines()[0].startswith(f"Execution {last.id} ")
    assert f"{first.id} (RETRIED)" in out


def test_it_exits_1_when_the_last_execution_failed_too(tmp_path):
    code, out = runflow(tmp_path, "--input", "always_fail=true", "--json")
    body = json.loads(out)
    assert code == 1
    assert sorted(Execution.objects.values_list("state", flat=True)) == ["FAILED", "RETRIED", "RETRIED"]
    assert body["state"]["current"] == "FAILED"
    assert body["metadata"]["attemptNumber"] == 3
