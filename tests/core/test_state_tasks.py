"""The deprecated state tasks as Kestra's io.kestra.plugin.core.state.Get, Set and Delete
(io.kestra.core.tasks.states.*): a JSON map in internal storage per flow, merged deeply by
Set, read by a later execution, apart per taskrun value, shared by the namespace with
`namespace: true`, and deleted."""
import pytest

from tests.core.storage_flows import read_stored
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _run(flow_id: str, tasks: str, namespace: str = "tests.state"):
    return run_flow(f"id: {flow_id}\nnamespace: {namespace}\ntasks:\n" + tasks)


def test_set_merges_and_a_later_execution_gets_the_state():
    first = _run("states", """
  - id: set
    type: io.kestra.core.tasks.states.Set
    name: files
    data:
      a.csv: "{{ 40 + 2 }}"
      nested: {x: 1}
""")
    assert first.state == "SUCCESS", first.logs()
    key = first.one("set").outputs["key"]
    assert key.startswith("kestra:///tests/state/states/states/tasks-states/")
    assert read_stored(key) == '{"a.csv":"42","nested":{"x":1}}'
    second = _run("states", """
  - id: set
    type: io.kestra.plugin.core.state.Set
    name: files
    data:
      b.csv: two
      nested: {y: 2}
  - id: get
    type: io.kestra.plugin.core.state.Get
    name: files
""")
    assert second.state == "SUCCESS", second.logs()
    assert second.one("set").outputs["count"] == 3
    assert second.one("get").outputs == {"count": 3, "data": {"a.csv": "42", "b.csv": "two",
                                                              "nested": {"x": 1, "y": 2}}}


def test_a_missing_state_is_empty_or_an_error_with_error_on_missing():
    run = _run("missing", """
  - id: get
    type: io.kestra.plugin.core.state.Get
  - id: strict
    type: io.kestra.plugin.core.state.Get
    name: nothing
    errorOnMissing: true
""")
    assert run.one("get").outputs == {"count": 0, "data": {}}
    assert run.state == "FAILED"
    assert "Unable to find the state file 'nothing'" in run.logs()


def test_states_are_apart_per_taskrun_value_and_per_flow_unless_shared():
    run = _run("loop", """
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: set
        type: io.kestra.plugin.core.state.Set
        data: {v: "{{ taskrun.value }}"}
      - id: shared
        type: io.kestra.plugin.core.state.Set
        name: shared
        taskrunValue: false
        namespace: true
        data: {"{{ taskrun.value }}": 1}
""")
    assert run.state == "SUCCESS", run.logs()
    keys = {tr.value: tr.outputs["key"] for tr in run.of("set")}
    assert keys["a"] != keys["b"]
    assert read_stored(keys["a"]) == '{"v":"a"}'
    other_flow = _run("reader", """
  - id: get
    type: io.kestra.plugin.core.state.Get
    name: shared
    namespace: true
    taskrunValue: false
  - id: own
    type: io.kestra.plugin.core.state.Get
""")
    assert other_flow.one("get").outputs["data"] == {"a": 1, "b": 1}
    assert other_flow.one("own").outputs["count"] == 0


def test_delete_removes_the_state_and_fails_on_a_second_with_error_on_missing():
    run = _run("deleting", """
  - id: set
    type: io.kestra.plugin.core.state.Set
    data: {k: v}
  - id: delete
    type: io.kestra.core.tasks.states.Delete
  - id: get
    type: io.kestra.plugin.core.state.Get
  - id: again
    type: io.kestra.plugin.core.state.Delete
    errorOnMissing: true
""")
    assert run.one("delete").outputs == {"deleted": True}
    assert run.one("get").outputs["count"] == 0
    assert run.state == "FAILED"
    assert "Unable to find the state file 'default'" in run.logs()
