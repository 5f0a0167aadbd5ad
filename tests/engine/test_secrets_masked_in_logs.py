"""A secret never shows in a log line, whatever carries it there: a task's own message,
a task's failure, a flowable's evaluation error, a bad expression's error. As Kestra's
RunContextLogger does, the values `secret()` gave and the SECRET inputs are replaced
by `******` (Kestra's RunContextLogger, and its RunContextLoggerTest)."""
import base64

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = "tok-9f8e7d"


@pytest.fixture(autouse=True)
def _token(monkeypatch):
    monkeypatch.setenv("SECRET_MY_TOKEN", base64.b64encode(TOKEN.encode()).decode())


def flow_with(task: str) -> str:
    return f"""
        id: leaky
        namespace: tests.masking
        inputs:
          - id: password
            type: SECRET
            required: false
        tasks:
{task}
    """


def assert_masked(run, *expected_parts):
    logs = run.logs()
    assert not any(TOKEN in line or "hunter2" in line for line in logs), logs
    text = "\n".join(logs)
    for part in expected_parts:
        assert part in text, logs


def test_a_foreach_values_error_is_masked():
    run = run_flow(flow_with("""
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{ secret('MY_TOKEN') }}"
            tasks:
              - id: inner
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
    """))
    assert run.state == "FAILED"
    assert_masked(run, "got '******'")


def test_a_switch_value_error_is_masked():
    run = run_flow(flow_with("""
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ secret('MY_TOKEN') }}"
            cases:
              other:
                - id: never
                  type: io.kestra.plugin.core.log.Log
                  message: never
    """))
    assert run.state == "FAILED"
    assert_masked(run, "no case matches the value '******'")


def test_a_fail_message_is_masked():
    run = run_flow(flow_with("""
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: "token {{ secret('MY_TOKEN') }} refused"
    """))
    assert run.state == "FAILED"
    assert_masked(run, "token ****** refused")


def test_a_bad_expression_error_is_masked():
    run = run_flow(flow_with("""
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ secret('MY_TOKEN') | number }}"
    """))
    assert run.state == "FAILED"
    assert_masked(run, "****** is not a valid number")


def test_a_secret_input_in_a_flowable_error_is_masked():
    run = run_flow(flow_with("""
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ inputs.password }}"
            cases:
              other:
                - id: never
                  type: io.kestra.plugin.core.log.Log
                  message: never
    """), inputs={"password": "hunter2"})
    assert run.state == "FAILED"
    assert_masked(run, "no case matches the value '******'")


def test_a_secret_inside_a_longer_secret_does_not_leave_part_of_it():
    run = run_flow(flow_with("""
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.password }} and {{ secret('MY_TOKEN') }}"
    """), inputs={"password": f"{TOKEN}-longer"})
    assert run.logs() == ["****** and ******"]
