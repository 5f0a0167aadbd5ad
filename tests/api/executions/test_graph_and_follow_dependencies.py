"""Reads and actions around one execution: `GET /executions/{id}/graph` (Kestra's
getExecutionFlowGraph: the graph of the revision the execution ran, not the latest),
and `GET /executions/{id}/follow-dependencies`
(Kestra's followDependenciesExecutions: `start`, then `end` for each execution of a
dependent flow in the lineage that ended, then `end-all`)."""
import json

import pytest

from executions.engine.runner import run_to_end
from kestraweb.models import RoleBinding
from tests.flow_runs import run_flow, save

from ..conftest import assert_problem
from .lineage import create_parent_of

pytestmark = pytest.mark.django_db(transaction=True)

V1 = """
id: drawn
namespace: tests.api
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: one
"""


def _task_ids(graph: dict) -> set[str]:
    return {n["task"]["id"] for n in graph["nodes"] if isinstance(n.get("task"), dict)}


def test_graph_is_of_the_revision_the_execution_ran(client, alice, plain_user):
    run = run_flow(V1)
    save(V1.replace("id: first", "id: renamed"))
    graph = client.get(f"/api/v1/main/executions/{run.execution.id}/graph?subflows=x").json()
    assert {"nodes", "edges", "clusters"} <= set(graph)
    assert "first" in _task_ids(graph) and "renamed" not in _task_ids(graph)
    assert "renamed" in _task_ids(client.get("/api/v1/main/flows/tests.api/drawn/graph").json())
    assert_problem(client.get("/api/v1/main/executions/nope/graph"), 404)
    assert_problem(alice.get(f"/api/v1/main/executions/{run.execution.id}/graph"), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="tests")
    assert alice.get(f"/api/v1/main/executions/{run.execution.id}/graph").status_code == 200


def _events(text: str) -> list[tuple[str, dict]]:
    found = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" in fields:
            found.append((fields["id"], json.loads(fields["data"])))
    return found


def test_follow_dependencies_ends_once_the_lineage_ended(client, kestra_client):
    parent = create_parent_of("""
        - id: r
          type: io.kestra.plugin.core.debug.Return
          format: x
    """)
    run_to_end(parent.id)
    response = client.get(f"/api/v1/main/executions/{parent.id}/follow-dependencies")
    assert response.status_code == 200 and response["Content-Type"] == "text/event-stream"
    events = _events(b"".join(response).decode())
    assert events[0] == ("start", {"executionId": parent.id})
    ended = {(data["flowId"], data["state"]["current"]) for name, data in events if name == "end"}
    assert ended == {("parent", "SUCCESS"), ("child", "SUCCESS")}
    assert events[-1] == ("end-all", {"executionId": parent.id})
    statuses = list(kestra_client.executions.follow_dependencies_execution(parent.id, "main", destination_only=True))
    assert {s.flow_id for s in statuses if getattr(s, "flow_id", None)} == {"parent", "child"}
    assert_problem(client.get("/api/v1/main/executions/nope/follow-dependencies"), 404)
