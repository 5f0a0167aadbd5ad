"""At run time each property is rendered, then read as its declared kind, and a value
that cannot be fails the task naming the task, the property and the value (Kestra's
`runContext.render(property).as(Duration.class)`...: a `Property<Boolean>` rendered
"false" is false, not a non-empty string)."""
import pytest

from executions.kv_store import NamespaceKV
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

SLEEP = """
    id: sleepy
    namespace: tests.props
    inputs:
      - id: wait
        type: STRING
    tasks:
      - id: nap
        type: io.kestra.plugin.core.flow.Sleep
        duration: "{{ inputs.wait }}"
"""

KV = """
    id: keeper
    namespace: tests.props
    inputs:
      - id: overwrite
        type: STRING
    tasks:
      - id: keep
        type: io.kestra.plugin.core.kv.Set
        key: k
        value: new
        overwrite: "{{ inputs.overwrite }}"
"""


def test_a_rendered_duration_is_read_as_one():
    assert run_flow(SLEEP, {"wait": "PT0.01S"}).state == "SUCCESS"


def test_a_value_that_is_not_of_its_kind_fails_the_task_naming_it():
    run = run_flow(SLEEP, {"wait": "soon"})
    assert run.one("nap").state == "FAILED"
    [message] = [line for line in run.logs() if "Invalid property" in line]
    assert message.startswith("Invalid property 'duration' of task 'nap': must be an ISO-8601 duration")
    assert "'soon'" in message


def test_a_rendered_false_is_false():
    kv = NamespaceKV("tests.props")
    kv.set("k", "old")
    run = run_flow(KV, {"overwrite": "false"})
    assert run.one("keep").state == "FAILED"  # Kestra's Set refuses to replace a key without overwrite
    assert kv.get("k") == "old"
    assert run_flow(KV, {"overwrite": "true"}).state == "SUCCESS"
    assert kv.get("k") == "new"


def test_a_rendered_boolean_that_is_not_one_fails_naming_it():
    run = run_flow(KV, {"overwrite": "perhaps"})
    assert "Invalid property 'overwrite' of task 'keep': must be true or false, not 'perhaps'" in run.logs()
