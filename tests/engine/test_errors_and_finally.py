import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_finally_runs_after_success_and_errors_do_not():
    run = run_flow("""
        id: finally-ok
        namespace: tests.engine
        tasks:
          - id: ok
            type: io.kestra.plugin.core.debug.Return
            format: ok
        errors:
          - id: on_error
            type: io.kestra.plugin.core.log.Log
            message: never
        finally:
          - id: cleanup
            type: io.kestra.plugin.core.log.Log
            message: cleaned
    """)
    assert run.state == "SUCCESS"
    assert run.of("on_error") == [] and run.one("cleanup").state == "SUCCESS"


def test_a_failing_finally_fails_the_execution():
    run = run_flow("""
        id: finally-fails
        namespace: tests.engine
        tasks:
          - id: ok
            type: io.kestra.plugin.core.debug.Return
            format: ok
        finally:
          - id: cleanup
            type: io.kestra.plugin.core.execution.Fail
    """)
    assert run.state == "FAILED"


def test_allow_failure_on_a_task_ends_warning_and_goes_on():
    run = run_flow("""
        id: allow-failure-task
        namespace: tests.engine
        tasks:
          - id: tolerated
            type: io.kestra.plugin.core.execution.Fail
            allowFailure: true
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: after
    """)
    assert run.state == "WARNING"
    assert run.one("after").state == "SUCCESS"


def test_after_execution_tasks_see_the_final_state_and_do_not_change_it():
    run = run_flow("""
        id: after-execution
        namespace: tests.engine
        tasks:
          - id: boom
            type: io.kestra.plugin.core.execution.Fail
        finally:
          - id: cleanup
            type: io.kestra.plugin.core.log.Log
            message: cleanup
        afterExecution:
          - id: notify
            type: io.kestra.plugin.core.log.Log
            message: "ended {{ execution.state }}"
    """)
    assert run.state == "FAILED"
    assert run.one("notify").state == "SUCCESS"
    assert run.one("notify").start_date >= run.one("cleanup").end_date
    assert "ended FAILED" in run.logs()
