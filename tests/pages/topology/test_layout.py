"""The graph read back into lanes: flowables hold their children, parallel branches are
lanes side by side, sequential ones stacked, handlers labelled."""
import pytest

from flows.graph import flow_graph
from kestraweb.pages.topology.layout import Cluster, TaskState, topology
from kestraweb.pages.topology.states import task_states

from .flows import NESTED

DAG = """
id: dag
namespace: company.team
tasks:
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: first
          type: io.kestra.plugin.core.log.Log
          message: 1
      - task:
          id: second
          type: io.kestra.plugin.core.log.Log
          message: 2
        dependsOn: [first]
      - task:
          id: third
          type: io.kestra.plugin.core.log.Log
          message: 3
        dependsOn: [first]
"""

pytestmark = pytest.mark.django_db


def test_it_nests_flowables_and_lays_branches_out():
    drawn = topology(flow_graph(NESTED))
    [main] = drawn.lanes
    parallel, last = main.items
    assert isinstance(parallel, Cluster) and parallel.task.task_id == "p" and last.task_id == "last"
    assert parallel.side_by_side
    first_branch, second_branch = parallel.lanes
    assert [item.task_id for item in first_branch.items] == ["a"]
    [sequential] = second_branch.items
    assert sequential.task.task_id == "s" and not sequential.side_by_side
    assert [item.task_id for item in sequential.lanes[0].items] == ["b", "c"]


def test_it_labels_the_handlers_and_lists_triggers():
    drawn = topology(flow_graph(NESTED))
    assert [item.task_id for item in drawn.handlers.errors[0].items] == ["on_error"]
    assert [item.task_id for item in drawn.handlers.finally_[0].items] == ["always"]
    assert [trigger["id"] for trigger in drawn.triggers] == ["hourly"]
    assert sorted(t.task_id for t in drawn.tasks()) == sorted(["p", "a", "s", "b", "c", "last", "on_error", "always"])


def test_it_draws_each_dag_task_once_with_what_it_waits_for():
    [dag] = topology(flow_graph(DAG)).lanes[0].items
    drawn = [[item.task_id for item in lane.items] for lane in dag.lanes]
    assert sorted(task for lane in drawn for task in lane) == ["first", "second", "third"]
    waiting = [lane for lane in dag.lanes if lane.after]
    assert waiting and all(lane.after == ["first"] for lane in waiting)


def test_it_colours_a_task_by_the_state_that_matters_most():
    states = task_states([("say", "SUCCESS"), ("say", "FAILED"), ("say", "SUCCESS"), ("each", "RUNNING")])
    assert states["say"] == TaskState("FAILED", 3)
    assert states["each"] == TaskState("RUNNING", 1)
