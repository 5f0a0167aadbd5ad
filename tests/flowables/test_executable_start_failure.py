"""An executable task that cannot start its child (its flow is missing) fails with one
FAILED attempt, as Kestra's TaskRun.fail() gives it (ExecutorService calls it when
ExecutableTask.createSubflowExecutions throws)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _assert_failed_with_one_failed_attempt(taskrun):
    assert taskrun.state == "FAILED"
    assert [a["state"]["current"] for a in taskrun.attempts] == ["FAILED"]
    assert [h["state"] for h in taskrun.attempts[0]["state"]["histories"]] == ["FAILED"]


def test_a_subflow_whose_flow_is_missing_fails_with_a_failed_attempt():
    run = run_flow("""
        id: parent
        namespace: tests.start_failure
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.start_failure
            flowId: nowhere
    """)
    assert run.state == "FAILED"
    _assert_failed_with_one_failed_attempt(run.one("call"))
    assert any("tests.start_failure.nowhere" in line for line in run.logs()), run.logs()


def test_a_for_each_item_whose_subflow_is_missing_fails_with_a_failed_attempt(tmp_path):
    rows = tmp_path / "rows.txt"
    rows.write_text("a\nb\n")
    run = run_flow("""
        id: parent
        namespace: tests.start_failure
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: tests.start_failure
            flowId: nowhere
            inputs:
              row: "{{ taskrun.items }}"
    """, {"file": str(rows)})
    assert run.state == "FAILED"
    failed = [tr for tr in run.taskruns if tr.state == "FAILED"]
    assert {tr.task_id for tr in failed} - {"each"}, run.states()
    for taskrun in failed:
        if taskrun.task_id != "each":  # the ForEachItem itself is a flowable: no attempt
            _assert_failed_with_one_failed_attempt(taskrun)
    assert any("tests.start_failure.nowhere" in line for line in run.logs()), run.logs()
