"""What the execution pages read about flows (Kestra's ExecutionController): the flow
revision an execution ran (/executions/{id}/flow, /executions/flows/{ns}/{id}), the
namespaces and flows the user may execute, POST /executions/latest."""
import pytest

from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db
FLOW = """
id: f
namespace: team.a
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: "{}"
"""


@pytest.fixture
def flows():
    save_flow(FLOW.format("one"))
    save_flow(FLOW.format("two"))
    save_flow(FLOW.replace("team.a", "team.b"))
    execution("e1", namespace="team.a", flow_id="f", minutes=1)
    execution("e2", namespace="team.a", flow_id="f", minutes=2, state="FAILED")


def test_it_answers_the_revision_an_execution_ran(client, flows):
    body = client.get("/api/v1/main/executions/e1/flow").json()
    assert body["revision"] == 1 and body["tasks"][0]["message"] == "one" and body["id"] == "f"
    assert client.get("/api/v1/main/executions/flows/team.a/f").json()["tasks"][0]["message"] == "two"
    assert client.get("/api/v1/main/executions/flows/team.a/f?revision=1").json()["revision"] == 1
    assert_problem(client.get("/api/v1/main/executions/flows/team.a/f?revision=7"), 404)
    assert_problem(client.get("/api/v1/main/executions/flows/team.a/nope"), 404)


def test_executable_namespaces_and_flows_follow_roles(client, alice, plain_user, flows):
    assert client.get("/api/v1/main/executions/namespaces").json() == ["team.a", "team.b"]
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="team.b")
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.a")
    assert alice.get("/api/v1/main/executions/namespaces").json() == ["team.b"]
    assert [f["id"] for f in alice.get("/api/v1/main/executions/namespaces/team.b/flows").json()] == ["f"]
    assert alice.get("/api/v1/main/executions/namespaces/team.a/flows").json() == []


def test_latest_execution_of_each_flow(client, flows):
    body = client.post("/api/v1/main/executions/latest", [{"namespace": "team.a", "id": "f"},
                                                          {"namespace": "team.b", "id": "f"}], format="json").json()
    assert [(row["id"], row["status"]) for row in body] == [("e2", "FAILED")]
    assert_problem(client.post("/api/v1/main/executions/latest", {"namespace": "x"}, format="json"), 422)
