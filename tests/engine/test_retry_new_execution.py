"""`retry.behavior: CREATE_NEW_EXECUTION`: as Kestra's executor does
(ExecutorService.handleChildWorkerTaskResult, ExecutionService.markWithTaskRunAs,
TaskRun/ExecutionService.nextRetryDate, the RESTART_FAILED_FLOW delay calling
ExecutionService.replay; ExecutorServiceRetryTest in Kestra's executor module): the
failed taskrun, its parents and the execution end RETRIED, then a new execution
replays the flow from the start with one more metadata.attemptNumber, the same
originalCreatedDate and labels plus system.replay. maxAttempt counts executions."""
import pytest

from executions.models import Execution
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_FAILS = """
    id: retry_new
    namespace: tests.engine
    labels:
      team: data
    tasks:
      - id: group
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ execution.originalId == execution.id }}"
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 3
              behavior: CREATE_NEW_EXECUTION
      - id: after
        type: io.kestra.plugin.core.debug.Return
        format: done
    errors:
      - id: handler
        type: io.kestra.plugin.core.debug.Return
        format: handled
"""


def _successors(first: Execution) -> list[Execution]:
    chain, current = [], first
    while True:
        nxt = Execution.objects.filter(replay_of=current.id).first()
        if nxt is None:
            return chain
        chain.append(nxt)
        current = nxt


def test_the_failed_execution_ends_retried_with_its_taskrun_and_parents():
    run = run_flow(FIRST_FAILS)
    assert run.state == "RETRIED"
    assert run.states() == {"group": ["RETRIED"], "flaky": ["RETRIED"]}  # no errors branch, nothing after
    assert [h["state"] for h in run.one("flaky").state_history][-2:] == ["FAILED", "RETRIED"]
    assert len(run.one("flaky").attempts) == 1


def test_a_new_execution_replays_the_flow_from_the_start():
    run = run_flow(FIRST_FAILS)
    [retry] = _successors(run.execution)
    assert retry.state == "SUCCESS"
    assert sorted(retry.taskruns.values_list("task_id", flat=True)) == ["after", "flaky", "group"]
    first_meta, retry_meta = run.execution.metadata_json(), retry.metadata_json()
    assert retry_meta["attemptNumber"] == first_meta["attemptNumber"] + 1 == 2
    assert retry_meta["originalCreatedDate"] == first_meta["originalCreatedDate"]
    assert retry.original_id == run.execution.id
    assert retry.labels == [*run.execution.labels, {"key": "system.replay", "value": "true"}]


def test_max_attempt_counts_executions():
    run = run_flow("""
        id: retry_new_exhausted
        namespace: tests.engine
        tasks:
          - id: always
            type: io.kestra.plugin.core.execution.Fail
            retry:
              type: constant
              interval: PT0.01S
              maxAttempt: 3
              behavior: CREATE_NEW_EXECUTION
    """)
    chain = [run.execution, *_successors(run.execution)]
    assert [e.state for e in chain] == ["RETRIED", "RETRIED", "FAILED"]
    assert [e.metadata_json()["attemptNumber"] for e in chain] == [1, 2, 3]


def test_a_flow_level_policy_creates_new_executions_too():
    run = run_flow("""
        id: retry_new_flow_level
        namespace: tests.engine
        retry:
          type: constant
          interval: PT0.01S
          maxAttempt: 2
          behavior: CREATE_NEW_EXECUTION
        tasks:
          - id: always
            type: io.kestra.plugin.core.execution.Fail
    """)
    chain = [run.execution, *_successors(run.execution)]
    assert [e.state for e in chain] == ["RETRIED", "FAILED"]
