"""GET /namespaces/{ns}/dependencies (Kestra's NamespaceController.dependencies,
FlowTopologyService#namespaceGraph): every flow of the namespace is a node, with the
edges that start or end in it; flows the user cannot read are not shown."""
import pytest

from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..flows.sources import flow_yaml

pytestmark = pytest.mark.django_db

CALLER = """id: caller
namespace: other
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company
    flowId: child
"""


@pytest.fixture
def flows():
    save_flow(flow_yaml("child", "company"))
    save_flow(flow_yaml("alone", "company"))
    save_flow(flow_yaml("elsewhere", "unrelated"))
    save_flow(CALLER)


def test_the_namespace_graph_has_its_flows_and_their_edges(client, flows):
    body = client.get("/api/v1/main/namespaces/company/dependencies").json()
    assert sorted(n["uid"] for n in body["nodes"]) == ["main_company_alone", "main_company_child", "main_other_caller"]
    assert body["edges"] == [{"source": "main_other_caller", "target": "main_company_child", "relation": "FLOW_TASK"}]


def test_through_kestrapy(kestra_client, flows):
    graph = kestra_client.flows.flow_dependencies_from_namespace("company", "main")
    assert {node.id for node in graph.nodes} == {"alone", "child", "caller"}


def test_unreadable_flows_and_namespaces_are_hidden(alice, plain_user, flows):
    assert_problem(alice.get("/api/v1/main/namespaces/company/dependencies"), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    body = alice.get("/api/v1/main/namespaces/company/dependencies").json()
    assert sorted(n["id"] for n in body["nodes"]) == ["alone", "child"] and body["edges"] == []


def test_a_bad_flag_is_422(client):
    assert_problem(client.get("/api/v1/main/namespaces/company/dependencies", {"destinationOnly": "maybe"}), 422)
