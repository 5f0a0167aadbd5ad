"""Flowable types declare what replay and restart need (how their children follow one
another in the flow graph, whether they restart whole), so the engine names no type.

The layouts follow Kestra's GraphUtils (Parallel and EachParallel side by side, ForEach
in sequence only with `concurrencyLimit: 1`, Dag by `dependsOn`), and a restart inside a
WorkingDirectory runs the whole directory again, as Kestra's ExecutionService does."""
import pytest

from executions.operations.reopen import restart_state
from executions.states import State
from plugins.api.flowable import ChildLayout
from plugins.api.registry import all_types, resolve


def task(type_name, **spec):
    return resolve(type_name)({"id": "t", "type": type_name, **spec})


@pytest.mark.parametrize("type_name", ["io.kestra.plugin.core.flow.Parallel",
                                       "io.kestra.core.tasks.flows.EachParallel"])
def test_parallel_types_lay_their_children_side_by_side(type_name):
    assert task(type_name, tasks=[], value=[]).layout_of_children() is ChildLayout.SIDE_BY_SIDE


@pytest.mark.parametrize(("limit", "layout"), [(1, ChildLayout.SEQUENCE), (2, ChildLayout.SIDE_BY_SIDE),
                                               (0, ChildLayout.SIDE_BY_SIDE)])
def test_it_lays_a_foreach_out_by_its_concurrency_limit(limit, layout):
    assert task("io.kestra.plugin.core.flow.ForEach", values=[], tasks=[],
                concurrencyLimit=limit).layout_of_children() is layout


def test_a_sequential_lays_its_children_in_sequence():
    assert task("io.kestra.plugin.core.flow.Sequential", tasks=[]).layout_of_children() is ChildLayout.SEQUENCE


def test_a_dag_declares_each_child_after_what_it_depends_on():
    dag = task("io.kestra.plugin.core.flow.Dag", tasks=[
        {"task": {"id": "a", "type": "io.kestra.plugin.core.log.Log"}},
        {"task": {"id": "b", "type": "io.kestra.plugin.core.log.Log"}, "dependsOn": ["a"]},
    ])
    assert dag.layout_of_children() is ChildLayout.DEPENDENCIES
    assert dag.child_dependencies() == {"a": [], "b": ["a"]}


def test_only_working_directory_restarts_whole_and_starts_again_restarted():
    whole = {name for name, cls in all_types().items() if cls.restarts_whole}
    assert whole == {"io.kestra.plugin.core.flow.WorkingDirectory"}  # canonical names only
    assert restart_state(task("io.kestra.plugin.core.flow.WorkingDirectory", tasks=[])) is State.RESTARTED
    assert restart_state(task("io.kestra.plugin.core.flow.Sequential", tasks=[])) is State.RUNNING
