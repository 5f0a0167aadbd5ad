"""GET /flows/search, /flows/{ns}, /flows/distinct-namespaces and /flows/source
(Kestra's FlowController find, getFlowsByNamespace, listDistinctNamespace, source):
filters by namespace prefix, q, labels and scope; only readable namespaces; never a
deleted flow."""
import pytest

from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import LABELLED, flow_yaml

pytestmark = pytest.mark.django_db


@pytest.fixture
def flows():
    save_flow(flow_yaml("a", "company.team"))
    save_flow(flow_yaml("b", "company.team.sub", message="needle"))
    save_flow(flow_yaml("c", "other"))
    save_flow(flow_yaml("d", "system"))
    save_flow(LABELLED)
    gone, _ = save_flow(flow_yaml("gone", "company.team"))
    gone.deleted = True
    gone.save()


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_it_filters_by_namespace_prefix_q_labels_and_scope(client, flows):
    assert ids(client.get("/api/v1/main/flows/search", {"namespace": "company"})) == ["a", "labelled", "b"]
    assert ids(client.get("/api/v1/main/flows/search", {"filters[q][EQUALS]": "LAB"})) == ["labelled"]
    assert ids(client.get("/api/v1/main/flows/search", {"labels": "env:prod"})) == ["labelled"]
    assert ids(client.get("/api/v1/main/flows/search", {"filters[labels][NOT_EQUALS][env]": "prod",
                                                       "filters[namespace][PREFIX]": "company"})) == ["a", "b"]
    assert ids(client.get("/api/v1/main/flows/search", {"filters[scope][EQUALS]": "SYSTEM"})) == ["d"]
    assert "d" not in ids(client.get("/api/v1/main/flows/search", {"scope": "USER", "size": 100}))
    page = client.get("/api/v1/main/flows/search", {"size": 2, "page": 2, "sort": "id:desc"}).json()
    assert ([row["id"] for row in page["results"]], page["total"]) == (["c", "b"], 5)
    assert_problem(client.get("/api/v1/main/flows/search", {"scope": "NOPE"}), 422)


def test_a_search_shows_only_readable_namespaces(alice, plain_user, flows):
    assert ids(alice.get("/api/v1/main/flows/search")) == []
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company.team.sub")
    assert ids(alice.get("/api/v1/main/flows/search")) == ["b"]
    assert alice.get("/api/v1/main/flows/distinct-namespaces").json() == ["company.team.sub"]
    assert_problem(alice.get("/api/v1/main/flows/company.team"), 403)


def test_it_lists_a_namespace_and_the_distinct_namespaces(client, flows):
    assert [f["id"] for f in client.get("/api/v1/main/flows/company.team").json()] == ["a", "labelled"]
    assert client.get("/api/v1/main/flows/distinct-namespaces").json() == [
        "company.team", "company.team.sub", "other", "system"]
    assert client.get("/api/v1/main/flows/distinct-namespaces", {"q": "sub"}).json() == ["company.team.sub"]


def test_it_finds_text_in_sources(client, flows):
    body = client.get("/api/v1/main/flows/source", {"q": "NEEDLE"}).json()
    assert body["total"] == 1
    hit = body["results"][0]
    assert (hit["namespace"], hit["id"], hit["editable"]) == ("company.team.sub", "b", True)
    assert hit["matches"] == [{"line": 6, "column": 14, "snippet": "    message: needle"}]
    assert client.get("/api/v1/main/flows/source", {"q": "NEEDLE", "caseSensitive": "true"}).json()["total"] == 0
    assert client.get("/api/v1/main/flows/source", {"q": "needle", "scope": "TRIGGERS"}).json()["total"] == 0
    assert client.get("/api/v1/main/flows/source", {"q": "ne+dle", "regex": "true"}).json()["total"] == 1
    assert_problem(client.get("/api/v1/main/flows/source", {"q": "(", "regex": "true"}), 422)
