"""Restart as Kestra does it: failed or killed taskruns run again (a flowable that
failed by itself decides again), flowable parents go back to RUNNING, handler branches
(errors, finally, afterExecution) run again, the execution is RESTARTED."""
import pytest

from executions import operations
from executions.engine.runner import run_to_end
from executions.models import Execution, KVEntry, LogEntry, TaskRun
from executions.serializers import execution_json
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

HANDLED = """
    id: handled
    namespace: tests.restart
    tasks:
      - id: loop
        type: io.kestra.plugin.core.flow.ForEach
        values: ["1", "2"]
        tasks:
          - id: gate
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ taskrun.value == '2' and kv('ready', errorOnMissing=false) is null }}"
    errors:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: "alert"
    finally:
      - id: cleanup
        type: io.kestra.plugin.core.log.Log
        message: "cleanup"
    afterExecution:
      - id: report
        type: io.kestra.plugin.core.log.Log
        message: "report {{ execution.state }}"
"""


def _messages(execution_id):
    return list(LogEntry.objects.filter(execution_id=execution_id).order_by("timestamp", "id")
                .values_list("message", flat=True))


def test_it_reruns_the_failed_iteration_and_the_handler_branches():
    run = run_flow(HANDLED)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.restart", key="ready", value=True)
    operations.restart(run.execution.id)
    restarted = Execution.objects.get(pk=run.execution.id)
    assert not TaskRun.objects.filter(execution=restarted, task_id__in=["alert", "cleanup", "report"]).exists()
    loop = TaskRun.objects.get(execution=restarted, task_id="loop")
    assert [h["state"] for h in loop.state_history] == ["CREATED", "RUNNING", "FAILED", "RUNNING"]

    execution = run_to_end(run.execution.id)
    assert execution.state == "SUCCESS"
    assert [h["state"] for h in execution.state_history] == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING",
                                                             "SUCCESS"]
    first, second = TaskRun.objects.filter(execution=execution, task_id="gate").order_by("seq")
    assert [a["state"]["current"] for a in first.attempts] == ["SUCCESS"]
    assert [a["state"]["current"] for a in second.attempts] == ["FAILED", "SUCCESS"]
    assert "RESTARTED" in [h["state"] for h in second.state_history]
    assert _messages(execution.id) == ["Task failure", "alert", "cleanup", "report FAILED", "cleanup",
                                       "report SUCCESS"]
    body = execution_json(execution)
    assert body["metadata"]["attemptNumber"] == 2
    assert {"key": "system.restarted", "value": "true"} in body["labels"]


def test_a_flowable_that_failed_by_itself_decides_again():
    run = run_flow("""
        id: choosy
        namespace: tests.restart
        tasks:
          - id: choose
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ kv('choice') }}"
            cases:
              a:
                - id: in_a
                  type: io.kestra.plugin.core.debug.Return
                  format: A
    """)
    assert run.one("choose").state == "FAILED"
    KVEntry.objects.create(namespace="tests.restart", key="choice", value="a")
    operations.restart(run.execution.id)
    execution = run_to_end(run.execution.id)
    assert execution.state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="in_a").outputs == {"value": "A"}


def test_a_killed_sequential_goes_on_where_it_stopped():
    flow = save("""
        id: stopped
        namespace: tests.restart
        tasks:
          - id: steps
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.3S
              - id: next
                type: io.kestra.plugin.core.debug.Return
                format: next
    """)
    from executions.engine.create import create_execution

    execution = create_execution(flow)
    thread, _ = run_in_background(execution.id)
    wait_for(lambda: TaskRun.objects.filter(execution=execution, task_id="nap", state="RUNNING").exists())
    operations.kill(execution.id)
    thread.join(30)
    # The kill came while `nap` ran; make the Sequential itself the only killed taskrun.
    TaskRun.objects.filter(execution=execution, task_id="nap").update(state="SUCCESS")
    assert Execution.objects.get(pk=execution.id).state == "KILLED"
    operations.restart(execution.id)
    execution = run_to_end(execution.id)
    assert execution.state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="next").state == "SUCCESS"


def test_a_failure_inside_a_working_directory_restarts_the_whole_directory():
    run = run_flow("""
        id: workdir
        namespace: tests.restart
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: before
                type: io.kestra.plugin.core.debug.Return
                format: before
              - id: gate
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ kv('wd-ready', errorOnMissing=false) is null }}"
    """)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.restart", key="wd-ready", value=True)
    operations.restart(run.execution.id)
    assert not TaskRun.objects.filter(execution=run.execution, task_id__in=["before", "gate"]).exists()
    execution = run_to_end(run.execution.id)
    assert execution.state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="before").state == "SUCCESS"
    # As Kestra: the directory itself is RESTARTED, then RUNNING again.
    wd = TaskRun.objects.get(execution=execution, task_id="wd")
    assert [h["state"] for h in wd.state_history] == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING",
                                                      "SUCCESS"]


def test_a_successful_execution_cannot_be_restarted():
    run = run_flow("""
        id: fine
        namespace: tests.restart
        tasks:
          - id: r
            type: io.kestra.plugin.core.debug.Return
            format: x
    """)
    with pytest.raises(operations.OperationRefused):
        operations.restart(run.execution.id)
