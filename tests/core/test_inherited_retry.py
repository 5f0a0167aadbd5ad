"""A task without its own `retry` is retried under its closest flowable's policy,
else the flow's top-level `retry`, as Kestra's executor does; its own policy wins."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _attempts(run, task_id):
    return len(run.one(task_id).attempts)


def test_the_flow_level_retry_applies_to_a_task_without_one():
    run = run_flow("""
        id: flow_retry
        namespace: tests.core
        retry:
          type: constant
          interval: PT0.05S
          maxAttempt: 2
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
    """)
    assert run.state == "FAILED"
    assert _attempts(run, "fail") == 2


def test_an_enclosing_flowable_retry_applies_to_its_children():
    run = run_flow("""
        id: parent_retry
        namespace: tests.core
        retry:
          type: constant
          interval: PT0.05S
          maxAttempt: 5
        tasks:
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 3
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
    """)
    assert run.state == "FAILED"
    assert _attempts(run, "fail") == 3


def test_a_tasks_own_retry_wins():
    run = run_flow("""
        id: own_retry
        namespace: tests.core
        retry:
          type: constant
          interval: PT0.05S
          maxAttempt: 4
        tasks:
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 1
    """)
    assert _attempts(run, "fail") == 1
