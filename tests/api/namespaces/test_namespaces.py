"""Namespaces (Kestra's NamespaceController, OSS: namespaces derived from flows at every
level plus `system`; getNamespace answers any id; the client's create/update/delete
work on the namespaces kept here)."""
import pytest

from flows.models import Namespace
from kestraweb.models import RoleBinding
from tests.flow_runs import save

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db
FLOW = "id: f\nnamespace: {ns}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"


@pytest.fixture
def flows():
    save(FLOW.format(ns="company.team"))
    save(FLOW.format(ns="other"))


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_search_lists_every_level_of_flows_namespaces_and_system(client, flows):
    assert ids(client.get("/api/v1/main/namespaces/search?size=50")) == ["company", "company.team", "other", "system"]
    assert ids(client.get("/api/v1/main/namespaces/search?q=TEAM")) == ["company.team"]
    body = client.get("/api/v1/main/namespaces/search?size=2&page=2&sort=id:desc").json()
    assert [row["id"] for row in body["results"]] == ["company.team", "company"] and body["total"] == 4
    assert body["results"][0]["deleted"] is False


def test_it_gets_creates_and_deletes_a_namespace(client, flows):
    assert client.get("/api/v1/main/namespaces/anything").json() == {
        "id": "anything", "deleted": False, "description": None, "variables": {}}
    assert client.post("/api/v1/main/namespaces", {"id": "new.one"}, format="json").json()["id"] == "new.one"
    assert Namespace.objects.filter(name__in=["new", "new.one"]).count() == 2
    assert_problem(client.post("/api/v1/main/namespaces", {"id": "new.one"}, format="json"), 409)
    assert client.put("/api/v1/main/namespaces/new.one", {"id": "new.one"}, format="json").status_code == 200
    assert client.delete("/api/v1/main/namespaces/new").status_code == 204
    assert not Namespace.objects.filter(name__startswith="new").exists()
    assert_problem(client.delete("/api/v1/main/namespaces/new"), 404)
    assert_problem(client.delete("/api/v1/main/namespaces/company"), 409)  # holds company.team's flow


def test_it_refuses_bad_ids(client):
    assert_problem(client.post("/api/v1/main/namespaces", {"id": "Bad Name"}, format="json"), 422)
    assert_problem(client.post("/api/v1/main/namespaces", {}, format="json"), 422)
    assert_problem(client.get("/api/v1/main/namespaces/a..b"), 422)


def test_autocomplete_and_inherited_variables(client, flows):
    assert client.post("/api/v1/main/namespaces/autocomplete", {"q": "comp"}, format="json").json() == [
        "company", "company.team"]
    assert client.get("/api/v1/main/namespaces/company.team/inherited-variables").json() == {}


def test_roles_narrow_namespaces(alice, plain_user, flows):
    assert ids(alice.get("/api/v1/main/namespaces/search")) == []
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert ids(alice.get("/api/v1/main/namespaces/search")) == ["company", "company.team"]
    assert_problem(alice.get("/api/v1/main/namespaces/other"), 403)
    assert_problem(alice.post("/api/v1/main/namespaces", {"id": "company.x"}, format="json"), 403)
    assert_problem(alice.delete("/api/v1/main/namespaces/company.team"), 403)


@pytest.mark.django_db(transaction=True)
def test_the_client_searches_and_creates_namespaces(kestra_client, flows):
    from kestrapy.models.namespace import Namespace as ClientNamespace

    page = kestra_client.namespaces.search_namespaces("main", size=10)
    assert [n.id for n in page.results] == ["company", "company.team", "other", "system"]
    created = kestra_client.namespaces.create_namespace("main", ClientNamespace(id="made.here", deleted=False))
    assert created.id == "made.here" and created.deleted is False
    assert kestra_client.namespaces.namespace("made.here", "main").id == "made.here"
    kestra_client.namespaces.delete_namespace("made.here", "main")


def test_search_takes_the_clients_filters(client, flows):
    assert ids(client.get("/api/v1/main/namespaces/search?filters[q][EQUALS]=team")) == ["company.team"]
    assert ids(client.get("/api/v1/main/namespaces/search?filters[namespace][PREFIX]=company")) == [
        "company", "company.team"]
    assert ids(client.get("/api/v1/main/namespaces/search?q=sys")) == ["system"]
    assert_problem(client.get("/api/v1/main/namespaces/search?filters[state][EQUALS]=x"), 422)
