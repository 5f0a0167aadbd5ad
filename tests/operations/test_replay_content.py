"""Replay as Kestra does it: a new execution pointing back at the original, labelled
`system.replay`, one more attempt; from a taskrun it keeps what came before and the
taskrun runs again with a new attempt."""
import pytest

from executions import operations
from executions.engine.runner import run_to_end
from executions.models import Execution, KVEntry, TaskRun
from executions.serializers import execution_json
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: branches
    namespace: tests.replay
    tasks:
      - id: first
        type: io.kestra.plugin.core.debug.Return
        format: "{{ execution.id }}"
      - id: both
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: left
            type: io.kestra.plugin.core.debug.Return
            format: left
          - id: gate
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ kv('open', errorOnMissing=false) is null }}"
          - id: right
            type: io.kestra.plugin.core.debug.Return
            format: right
      - id: last
        type: io.kestra.plugin.core.debug.Return
        format: last
"""


def test_replay_from_a_taskrun_runs_it_again_with_a_new_attempt():
    run = run_flow(FLOW)
    KVEntry.objects.create(namespace="tests.replay", key="open", value=True)
    copy = operations.replay(run.execution.id, run.one("gate").id)
    assert [h["state"] for h in copy.state_history] == ["CREATED", "RUNNING", "FAILED", "RESTARTED"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    gate = TaskRun.objects.get(execution=execution, task_id="gate")
    assert [a["state"]["current"] for a in gate.attempts] == ["FAILED", "SUCCESS"]
    assert [h["state"] for h in gate.state_history][-4:] == ["FAILED", "RESTARTED", "RUNNING", "SUCCESS"]
    # What came before is copied as it ended, not run again.
    assert TaskRun.objects.get(execution=execution, task_id="first").outputs == {"value": run.execution.id}
    both = TaskRun.objects.get(execution=execution, task_id="both")
    assert [h["state"] for h in both.state_history][-3:] == ["FAILED", "RUNNING", "SUCCESS"]
    assert sorted(TaskRun.objects.filter(execution=execution).values_list("task_id", flat=True)) == [
        "both", "first", "gate", "last", "left", "right"]
    # The original is untouched.
    assert Execution.objects.get(pk=run.execution.id).state == "FAILED"


def test_replay_points_back_at_the_original():
    run = run_flow(FLOW)
    copy = run_to_end(operations.replay(run.execution.id).id)
    body = execution_json(copy)
    assert body["parentId"] == run.execution.id and body["originalId"] == run.execution.id
    assert body["metadata"]["attemptNumber"] == 2
    assert body["metadata"]["originalCreatedDate"] == execution_json(run.execution)["metadata"]["originalCreatedDate"]
    assert {"key": "system.replay", "value": "true"} in body["labels"]
    assert [h["state"] for h in copy.state_history] == ["CREATED", "RUNNING", "FAILED"]
    again = operations.replay(copy.id)
    assert again.original_id == run.execution.id and again.metadata["attemptNumber"] == 3
    assert again.labels.count({"key": "system.replay", "value": "true"}) == 1


def test_replay_from_a_flowable_decides_its_children_again():
    run = run_flow(FLOW)
    KVEntry.objects.create(namespace="tests.replay", key="open", value=True)
    execution = run_to_end(operations.replay(run.execution.id, run.one("both").id).id)
    assert execution.state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="gate").attempts[-1]["state"]["current"] == "SUCCESS"
    assert TaskRun.objects.filter(execution=execution, task_id="left").count() == 1
