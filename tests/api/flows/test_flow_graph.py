"""GET /flows/{ns}/{id}/graph and POST /flows/graph (Kestra's FlowController
flowGraph, flowGraphSource; GraphUtils): a flow's tasks chained from `root.root` to
`root.end`, a flowable as a cluster with its children, triggers as a cluster leading
to the root, errors beside the tasks."""
import pytest

from flows.services import save_flow

from ..conftest import assert_problem
from .sources import INVALID

pytestmark = pytest.mark.django_db

FLOW = """id: graph
namespace: company.team
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: one
  - id: both
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: left
        type: io.kestra.plugin.core.log.Log
        message: l
      - id: right
        type: io.kestra.plugin.core.log.Log
        message: r
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: end
errors:
  - id: alert
    type: io.kestra.plugin.core.log.Log
    message: failed
"""


def edges(graph):
    return {(e["source"], e["target"]) for e in graph["edges"]}


def test_it_draws_a_flow(client):
    save_flow(FLOW)
    response = client.get("/api/v1/main/flows/company.team/graph/graph")
    assert response.status_code == 200, response.content
    graph = response.json()
    assert {("Triggers.end", "root.root"), ("root.root", "first"), ("first", "cluster_both.root"),
            ("cluster_both.root", "both"), ("both", "left"), ("both", "right"), ("left", "cluster_both.end"),
            ("right", "cluster_both.end"), ("cluster_both.end", "last"), ("last", "root.end"),
            ("root.root", "alert"), ("alert", "root.end")} <= edges(graph)
    assert graph["flowables"] == ["both"]
    both = next(c for c in graph["clusters"] if c["cluster"]["uid"] == "cluster_both")
    assert {"left", "right", "both"} <= set(both["nodes"]) and both["start"] == "cluster_both.root"
    uids = {n["uid"] for n in graph["nodes"]}
    assert len(uids) == len(graph["nodes"]) and {s for e in edges(graph) for s in e} <= uids


def test_it_draws_yaml_sent_and_refuses_an_invalid_one(client):
    graph = client.post("/api/v1/main/flows/graph", FLOW, content_type="application/x-yaml").json()
    assert ("last", "root.end") in edges(graph)
    assert_problem(client.post("/api/v1/main/flows/graph", INVALID, content_type="application/x-yaml"), 422)
    assert_problem(client.get("/api/v1/main/flows/company.team/nope/graph"), 404)
