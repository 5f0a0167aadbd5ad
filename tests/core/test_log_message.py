"""Log takes a message or a list of messages, as Kestra's Log does; anything else fails
the task naming the type it got."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def log_flow(message: str) -> str:
    return f"""
        id: log-message
        namespace: tests.core
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: {message}
    """


def test_a_list_logs_each_message_at_the_level():
    run = run_flow(log_flow('["one {{ flow.id }}", "two"]'))
    assert run.state == "SUCCESS"
    assert run.logs() == ["one log-message", "two"]


@pytest.mark.parametrize("message, java_type", [
    ("42", "java.lang.Integer"), ("{a: 1}", "java.util.LinkedHashMap"), ("true", "java.lang.Boolean"),
])
def test_any_other_type_fails_the_task_naming_it(message, java_type):
    run = run_flow(log_flow(message))
    assert run.state == "FAILED"
    assert run.logs() == [f"Invalid message type 'class {java_type}'"]
