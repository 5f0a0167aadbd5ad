from datetime import timedelta

import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_delay_resumes_by_itself_and_the_execution_was_paused_meanwhile():
    run = run_flow("""
        id: pause-delay
        namespace: tests.flowables
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            delay: PT0.3S
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: after
    """)
    assert run.state == "SUCCESS"
    assert "PAUSED" in [h["state"] for h in run.execution.state_history]
    assert [h["state"] for h in run.one("wait").state_history][:2] == ["CREATED", "RUNNING"]


def test_a_manual_resume_passes_on_resume_inputs():
    flow = save("""
        id: pause-manual
        namespace: tests.flowables
        tasks:
          - id: approve
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: reason
                type: STRING
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.approve.onResume.reason }}"
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: Execution.objects.get(pk=execution.id).state == "PAUSED")
    operations.resume(execution.id, {"reason": "looks good"})
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="after").outputs == {"value": "looks good"}


def test_a_pause_timeout_without_resume_fails():
    run = run_flow("""
        id: pause-timeout
        namespace: tests.flowables
        tasks:
          - id: approve
            type: io.kestra.plugin.core.flow.Pause
            timeout: PT0.2S
    """)
    assert run.state == "FAILED"


def test_a_pause_in_one_branch_does_not_hold_the_others():
    run = run_flow("""
        id: pause-branch
        namespace: tests.flowables
        tasks:
          - id: both
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT0.5S
              - id: busy
                type: io.kestra.plugin.core.debug.Return
                format: busy
    """)
    assert run.state == "SUCCESS"
    assert run.one("busy").end_date < run.one("wait").end_date


def test_deprecated_tasks_run_after_the_pause_delay():
    run = run_flow("""
        id: pause-tasks
        namespace: tests.flowables
        tasks:
          - id: pause
            type: io.kestra.core.tasks.flows.Pause
            delay: PT0.2S
            tasks:
              - id: first
                type: io.kestra.plugin.core.debug.Return
                format: one
              - id: second
                type: io.kestra.plugin.core.log.Log
                message: "after {{ outputs.first.value }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: done
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.states() == {"pause": ["SUCCESS"], "first": ["SUCCESS"], "second": ["SUCCESS"],
                            "after": ["SUCCESS"]}
    pause = run.one("pause")
    assert [h["state"] for h in pause.state_history] == ["CREATED", "RUNNING", "PAUSED", "RUNNING", "SUCCESS"]
    assert run.one("first").start_date >= pause.start_date + timedelta(seconds=0.2)
    assert "PAUSED" in [h["state"] for h in run.execution.state_history]
    assert run.logs() == ["after one"]


def test_a_failing_deprecated_task_runs_the_pause_errors():
    run = run_flow("""
        id: pause-tasks-errors
        namespace: tests.flowables
        tasks:
          - id: pause
            type: io.kestra.plugin.core.flow.Pause
            pauseDuration: PT0.05S
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
            errors:
              - id: handler
                type: io.kestra.plugin.core.debug.Return
                format: handled
    """)
    assert run.state == "FAILED"
    assert run.states() == {"pause": ["FAILED"], "boom": ["FAILED"], "handler": ["SUCCESS"]}


def test_deprecated_tasks_wait_for_a_manual_resume_and_see_its_inputs():
    flow = save("""
        id: pause-tasks-manual
        namespace: tests.flowables
        tasks:
          - id: approve
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: reason
                type: STRING
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.approve.onResume.reason }}"
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: Execution.objects.get(pk=execution.id).state == "PAUSED")
    assert not TaskRun.objects.filter(execution=execution, task_id="inside").exists()
    operations.resume(execution.id, {"reason": "ok"})
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
    assert TaskRun.objects.get(execution=execution, task_id="inside").outputs == {"value": "ok"}
