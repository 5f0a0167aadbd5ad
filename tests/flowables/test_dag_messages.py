"""A Dag's dependency errors in Kestra's words: DagTaskValidator when the flow is saved
("Not existing task id in dependency: ...", "Cyclic dependency detected: ..."), and
Dag.controlTask when a Dag reaches the executor unchecked ("Some task doesn't exists on
task ...", "Infinite loop detected on task ...")."""
import pytest

from flows.spec import FlowInvalid
from plugins.api.context import TaskFailed
from plugins.core.flow.dag import Dag
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)


def _item(task_id, *deps):
    item = {"task": {"id": task_id, "type": "io.kestra.plugin.core.debug.Return", "format": task_id}}
    if deps:
        item["dependsOn"] = list(deps)
    return item


def test_an_unknown_dependency_is_refused_in_kestras_words():
    with pytest.raises(FlowInvalid) as error:
        save("""
            id: dag-missing
            namespace: tests.flowables
            tasks:
              - id: graph
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task: {id: a, type: io.kestra.plugin.core.debug.Return, format: a}
                    dependsOn: [ghost, phantom]
        """)
    assert "Not existing task id in dependency: ghost, phantom" in str(error.value)


def test_only_the_tasks_in_a_cycle_are_named():
    errors = Dag.check({"tasks": [_item("start"), _item("a", "start", "c"), _item("b", "a"), _item("c", "b"),
                                  _item("end", "c")]})
    assert errors == [("tasks", "Cyclic dependency detected: a, b, c")]


def test_at_run_time_a_cycle_fails_the_dag_naming_it():
    dag = Dag({"id": "graph", "type": Dag.type, "tasks": [_item("a", "b"), _item("b", "a")]})
    with pytest.raises(TaskFailed, match="^Infinite loop detected on task 'graph': a, b$"):
        dag.resolve(None, None)


def test_at_run_time_an_unknown_dependency_fails_the_dag_naming_it():
    dag = Dag({"id": "graph", "type": Dag.type, "tasks": [_item("a", "ghost")]})
    with pytest.raises(TaskFailed, match="^Some task doesn't exists on task 'graph': ghost$"):
        dag.resolve(None, None)
