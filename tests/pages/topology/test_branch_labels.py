"""Each branch of a flowable that chooses one is labelled as Kestra labels its edge: an
If's then and else, a Switch's case values and defaults; a Parallel's are not."""
import pytest

from flows.graph import flow_graph
from kestraweb.pages.topology.layout import topology
from tests.flow_runs import save

from .flows import NESTED

pytestmark = pytest.mark.django_db

CHOICES = """
id: choices
namespace: company.team
tasks:
  - id: pick
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ inputs.size }}"
    cases:
      SMALL:
        - id: small
          type: io.kestra.plugin.core.log.Log
          message: small
      very big:
        - id: big
          type: io.kestra.plugin.core.log.Log
          message: big
        - id: bigger
          type: io.kestra.plugin.core.log.Log
          message: bigger
      EMPTY: []
    defaults:
      - id: other
        type: io.kestra.plugin.core.log.Log
        message: other
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then:
      - id: yes
        type: io.kestra.plugin.core.log.Log
        message: yes
    else:
      - id: no
        type: io.kestra.plugin.core.log.Log
        message: no
"""


def lanes_by_choice(cluster) -> dict:
    return {lane.choice: [item.task_id for item in lane.items] for lane in cluster.lanes}


def test_the_graph_carries_each_branch_name_on_a_choice_edge():
    choices = {(edge["source"], edge["target"]): edge["relation"]["value"] for edge in flow_graph(CHOICES)["edges"]
               if edge["relation"]["relationType"] == "CHOICE"}
    assert choices == {("pick", "small"): "SMALL", ("pick", "big"): "very big", ("pick", "cluster_pick.end"): "EMPTY",
                       ("pick", "other"): "defaults", ("check", "yes"): "then", ("check", "no"): "else"}


def test_switch_cases_and_if_branches_are_labelled_lanes():
    switch, condition = topology(flow_graph(CHOICES)).lanes[0].items
    assert lanes_by_choice(switch) == {"SMALL": ["small"], "very big": ["big", "bigger"], "EMPTY": [],
                                       "defaults": ["other"]}
    assert lanes_by_choice(condition) == {"then": ["yes"], "else": ["no"]}
    [parallel, _] = topology(flow_graph(NESTED)).lanes[0].items
    assert all(lane.choice is None for lane in parallel.lanes)


def test_the_topology_tab_shows_the_labels(admin_client):
    save(CHOICES)
    html = admin_client.get("/ui/flows/edit/company.team/choices/topology").content.decode()
    for value in ("SMALL", "very big", "EMPTY", "defaults", "then", "else"):
        assert f'<li class="topology-choice" data-choice="{value}">{value}</li>' in html
    assert html.index('data-choice="then"') < html.index('data-task-id="yes"') < html.index('data-choice="else"')
