import pytest

from executions import operations
from executions.engine.runner import run_to_end
from executions.models import KVEntry, TaskRun
from tests.flow_runs import run_flow, user_labels

pytestmark = pytest.mark.django_db(transaction=True)

# Fails until the KV key `ready` exists, so a restart after setting it succeeds.
FLOW = """
    id: flaky
    namespace: tests.ops
    tasks:
      - id: first
        type: io.kestra.plugin.core.debug.Return
        format: "{{ execution.id }}"
      - id: gate
        type: io.kestra.plugin.core.execution.Fail
        condition: "{{ kv('ready', errorOnMissing=false) is null }}"
      - id: last
        type: io.kestra.plugin.core.debug.Return
        format: done
    errors:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: failed
"""


def test_restart_reruns_the_failed_task_with_a_new_attempt_and_keeps_the_rest():
    run = run_flow(FLOW)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.ops", key="ready", value=True)
    operations.restart(run.execution.id)
    execution = run_to_end(run.execution.id)
    assert execution.state == "SUCCESS"
    gate = TaskRun.objects.get(execution=execution, task_id="gate")
    assert [a["state"]["current"] for a in gate.attempts] == ["FAILED", "SUCCESS"]
    # RESTARTED, then straight to RUNNING with the new attempt, as in Kestra
    assert [h["state"] for h in gate.state_history] == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING",
                                                        "SUCCESS"]
    assert "RESTARTED" in [h["state"] for h in execution.state_history]
    assert TaskRun.objects.filter(execution=execution, task_id="first").count() == 1
    assert not TaskRun.objects.filter(execution=execution, task_id="alert").exists()


def test_replay_from_a_taskrun_copies_what_came_before():
    run = run_flow(FLOW)
    KVEntry.objects.create(namespace="tests.ops", key="ready", value=True)
    copy = operations.replay(run.execution.id, run.one("gate").id)
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS" and execution.original_id == run.execution.id
    first = TaskRun.objects.get(execution=execution, task_id="first")
    assert first.outputs == run.one("first").outputs  # copied, not run again


def test_changing_a_failed_taskrun_to_success_lets_the_flow_go_on():
    run = run_flow(FLOW)
    operations.change_taskrun_state(run.execution.id, run.one("gate").id, "SUCCESS")
    execution = run_to_end(run.execution.id)
    assert execution.state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="last").state == "SUCCESS"


def test_labels_and_delete():
    run = run_flow(FLOW)
    operations.set_labels(run.execution.id, {"team": "data"})
    run.execution.refresh_from_db()
    assert user_labels(run.execution.labels) == [{"key": "team", "value": "data"}]
    operations.delete(run.execution.id)
    assert not TaskRun.objects.filter(execution_id=run.execution.id).exists()
