"""GET, PUT and DELETE /flows/{ns}/{id} (Kestra's FlowController.index, update,
delete): PUT makes a new revision and refuses another namespace or id (422, as
JdbcFlowRepository.update's "Illegal namespace update"); DELETE is soft (204, then 404
unless allowDeleted); an older revision is read with `revision`."""
import pytest

from flows.models import Flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

YAML = "application/x-yaml"
URL = "/api/v1/main/flows/company.team/hello"


@pytest.fixture
def hello(client):
    assert client.post("/api/v1/main/flows", flow_yaml(), content_type=YAML).status_code == 200


def test_it_reads_a_flow_with_or_without_its_source(client, hello):
    body = client.get(URL).json()
    assert body["id"] == "hello" and "source" not in body
    assert client.get(URL, {"source": "true"}).json()["source"] == flow_yaml()
    assert_problem(client.get("/api/v1/main/flows/company.team/nope"), 404)
    assert_problem(client.get(URL, {"source": "maybe"}), 422)


def test_an_update_makes_a_new_revision(client, hello):
    response = client.put(URL, flow_yaml(message="bye"), content_type=YAML)
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 2
    assert response.json()["tasks"][0]["message"] == "bye"
    old = client.get(URL, {"revision": 1, "source": "true"}).json()
    assert (old["revision"], old["tasks"][0]["message"]) == (1, "hi")
    assert_problem(client.get(URL, {"revision": 7}), 404)


def test_an_update_keeps_namespace_and_id(client, hello):
    body = assert_problem(client.put(URL, flow_yaml(namespace="company.other"), content_type=YAML), 422)
    assert body["errors"][0]["pointer"] == "namespace"
    body = assert_problem(client.put(URL, flow_yaml(flow_id="renamed"), content_type=YAML), 422)
    assert body["errors"][0]["pointer"] == "id"
    assert Flow.objects.get().revision == 1


def test_an_update_of_an_unknown_flow_is_404(client):
    assert_problem(client.put(URL, flow_yaml(), content_type=YAML), 404)


def test_a_delete_is_soft(client, hello):
    assert client.delete(URL).status_code == 204
    assert_problem(client.get(URL), 404)
    assert client.get(URL, {"allowDeleted": "true"}).json()["deleted"] is True
    assert_problem(client.delete(URL), 404)
    again = client.post("/api/v1/main/flows", flow_yaml(message="back"), content_type=YAML).json()
    assert (again["revision"], again["deleted"]) == (2, False)


def test_a_viewer_reads_but_cannot_change(alice, plain_user, hello):
    assert_problem(alice.get(URL), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert alice.get(URL).status_code == 200
    assert_problem(alice.put(URL, flow_yaml(message="x"), content_type=YAML), 403)
    assert_problem(alice.delete(URL), 403)
    assert Flow.objects.get().deleted is False
