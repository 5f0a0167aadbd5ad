"""POST /flows/{namespace} and POST /flows/bulk (Kestra's FlowController
updateNamespace, bulkUpdate): documents split on `---`, all saved or none; `delete`
soft-deletes the scope's flows the documents do not name; a document of another
namespace, a duplicate or an invalid one refuses the whole set, named by its index."""
import pytest

from flows.models import Flow
from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import INVALID, flow_yaml

pytestmark = pytest.mark.django_db

YAML = "application/x-yaml"


def live():
    return sorted(Flow.objects.filter(deleted=False).values_list("namespace", "flow_id", "revision"))


def test_a_namespace_becomes_its_documents(client):
    save_flow(flow_yaml("old", "company.team"))
    save_flow(flow_yaml("a", "company.team"))
    text = flow_yaml("a", "company.team", message="new") + "---\n" + flow_yaml("b", "company.team")
    response = client.post("/api/v1/main/flows/company.team", text, content_type=YAML)
    assert response.status_code == 200, response.content
    assert sorted((f["id"], f["deleted"]) for f in response.json()) == [("a", False), ("b", False), ("old", True)]
    assert live() == [("company.team", "a", 2), ("company.team", "b", 1)]


def test_override_false_keeps_existing_flows_and_delete_false_keeps_others(client):
    save_flow(flow_yaml("old", "company.team"))
    save_flow(flow_yaml("a", "company.team"))
    text = flow_yaml("a", "company.team", message="new") + "---\n" + flow_yaml("b", "company.team")
    client.post("/api/v1/main/flows/company.team?delete=false&override=false", text, content_type=YAML)
    assert live() == [("company.team", "a", 1), ("company.team", "b", 1), ("company.team", "old", 1)]


def test_one_bad_document_changes_nothing_and_is_named(client):
    save_flow(flow_yaml("a", "company.team"))
    text = flow_yaml("b", "company.team") + "---\n" + INVALID
    body = assert_problem(client.post("/api/v1/main/flows/company.team", text, content_type=YAML), 422)
    assert "flows[1].tasks[0].mesage" in [e["pointer"] for e in body["errors"]]
    other = flow_yaml("b", "company.team") + "---\n" + flow_yaml("c", "elsewhere")
    body = assert_problem(client.post("/api/v1/main/flows/company.team", other, content_type=YAML), 422)
    assert body["errors"][0]["pointer"] == "flows[1].namespace"
    twice = flow_yaml("b", "company.team") + "---\n" + flow_yaml("b", "company.team")
    assert_problem(client.post("/api/v1/main/flows/bulk", twice, content_type=YAML), 422)
    assert live() == [("company.team", "a", 1)]


def test_bulk_saves_across_namespaces_and_deletes_within_one(client):
    save_flow(flow_yaml("x", "company.team.sub"))
    save_flow(flow_yaml("keep", "other"))
    text = flow_yaml("a", "company.team") + "---\n" + flow_yaml("b", "company.team.sub")
    url = "/api/v1/main/flows/bulk?delete=true&namespace=company.team&allowNamespaceChild=true"
    assert client.post(url, text, content_type=YAML).status_code == 200
    assert live() == [("company.team", "a", 1), ("company.team.sub", "b", 1), ("other", "keep", 1)]


def test_a_viewer_cannot_update_a_namespace(alice, plain_user):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.post("/api/v1/main/flows/company", flow_yaml("a", "company"), content_type=YAML), 403)
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company.team")
    text = flow_yaml("a", "company.team") + "---\n" + flow_yaml("b", "company")
    assert_problem(alice.post("/api/v1/main/flows/bulk", text, content_type=YAML), 403)
    assert live() == []
