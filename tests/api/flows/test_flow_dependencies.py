"""GET /flows/{ns}/{id}/dependencies (Kestra's FlowController.dependencies,
FlowTopologyService): a Subflow task is a FLOW_TASK edge to the flow it starts, a Flow
trigger's preconditions a FLOW_TRIGGER edge from the flow it waits on;
`destinationOnly` keeps the edges leaving the flow, `expandAll` follows them on."""
import pytest

from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

PARENT = """id: parent
namespace: company
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company
    flowId: child
"""

LISTENER = """id: listener
namespace: other
triggers:
  - id: after_child
    type: io.kestra.plugin.core.trigger.Flow
    preconditions:
      id: child_done
      flows:
        - namespace: company
          flowId: child
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


@pytest.fixture
def topology():
    save_flow(flow_yaml("child", "company"))
    save_flow(PARENT)
    save_flow(LISTENER)


def edges(response):
    assert response.status_code == 200, response.content
    return sorted((e["source"], e["target"], e["relation"]) for e in response.json()["edges"])


def test_it_finds_both_directions(client, topology):
    assert edges(client.get("/api/v1/main/flows/company/child/dependencies")) == [
        ("main_company_child", "main_other_listener", "FLOW_TRIGGER"),
        ("main_company_parent", "main_company_child", "FLOW_TASK")]
    assert edges(client.get("/api/v1/main/flows/company/child/dependencies", {"destinationOnly": "true"})) == [
        ("main_company_child", "main_other_listener", "FLOW_TRIGGER")]
    assert len(edges(client.get("/api/v1/main/flows/company/parent/dependencies", {"expandAll": "true"}))) == 2
    assert len(edges(client.get("/api/v1/main/flows/company/parent/dependencies"))) == 1
    assert_problem(client.get("/api/v1/main/flows/company/nope/dependencies"), 404)


def test_it_hides_flows_the_user_cannot_read(alice, plain_user, topology):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert edges(alice.get("/api/v1/main/flows/company/child/dependencies")) == [
        ("main_company_parent", "main_company_child", "FLOW_TASK")]
