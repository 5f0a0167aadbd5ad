"""The execution JSON is Kestra's GET /api/v1/executions/{id}: null fields left out,
state dates and durations from the histories, parentId only for a replay."""
import pytest

from executions.models import Execution, LogEntry
from executions.serializers import execution_json, log_json, state_json
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_null_fields_are_left_out():
    run = run_flow("""
        id: plain
        namespace: tests.json
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
    """)
    body = execution_json(run.execution)
    for absent in ("parentId", "trigger", "scheduleDate", "inputs", "outputs"):
        assert absent not in body
    taskrun = body["taskRunList"][0]
    assert "parentTaskRunId" not in taskrun and "value" not in taskrun
    assert "outputs" in taskrun  # Kestra always writes a taskrun's outputs
    attempt = taskrun["attempts"][0]["state"]
    assert {"current", "histories", "duration", "startDate", "endDate"} <= set(attempt)
    log = log_json(LogEntry.objects.get(execution_id=run.execution.id))
    assert log["deleted"] is False and "triggerId" not in log and log["attemptNumber"] == 1


def test_state_dates_and_duration_come_from_the_histories():
    histories = [{"state": "CREATED", "date": "2024-01-01T10:00:00Z"},
                 {"state": "RUNNING", "date": "2024-01-01T10:00:01Z"},
                 {"state": "PAUSED", "date": "2024-01-01T10:00:03.5Z"}]
    paused = state_json("PAUSED", histories)
    assert paused["startDate"] == "2024-01-01T10:00:00Z"
    assert paused["endDate"] == "2024-01-01T10:00:03.5Z" and paused["duration"] == "PT3.5S"
    running = state_json("RUNNING", histories[:2])
    assert "endDate" not in running and running["duration"] == "PT1S"


def test_a_subflow_execution_has_no_parent_id_but_its_trigger():
    save("""
        id: child
        namespace: tests.json
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: x
    """)
    run = run_flow("""
        id: parent
        namespace: tests.json
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.json
            flowId: child
    """)
    child = Execution.objects.get(pk=run.one("call").outputs["executionId"])
    body = execution_json(child)
    assert "parentId" not in body
    assert body["trigger"]["variables"]["executionId"] == run.execution.id


def test_loop_children_carry_their_iteration():
    from executions.serializers import execution_json

    run = run_flow("""
        id: json-iteration
        namespace: tests.ops
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: [x, y]
            tasks:
              - id: child
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}"
    """)
    runs = execution_json(run.execution)["taskRunList"]
    assert {tr["value"]: tr["iteration"] for tr in runs if tr["taskId"] == "child"} == {"x": 0, "y": 1}
    assert "iteration" not in next(tr for tr in runs if tr["taskId"] == "loop")
