"""POST /flows (Kestra's FlowController.create): the YAML is validated, stored as
revision 1 and answered as FlowWithSource; an invalid flow is a 422 naming the path
and line; an id in use is a 422 (JdbcFlowRepository.create: "Flow id already exists")."""
import pytest

from flows.models import Flow

from ..conftest import assert_problem
from .sources import INVALID, LABELLED, flow_yaml

pytestmark = pytest.mark.django_db

YAML = "application/x-yaml"


def test_it_creates_a_flow_from_yaml(client):
    response = client.post("/api/v1/main/flows", LABELLED, content_type=YAML)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["namespace"], body["revision"]) == ("labelled", "company.team", 1)
    assert (body["disabled"], body["draft"], body["deleted"]) == (False, False, False)
    assert body["labels"] == [{"key": "env", "value": "prod"}]
    assert body["inputs"][0]["id"] == "name" and body["inputs"][0]["type"] == "STRING"
    assert body["tasks"][0]["message"] == "{{ inputs.name }}"
    assert body["source"] == LABELLED
    assert body["updated"]
    assert Flow.objects.get(flow_id="labelled").revision == 1


def test_it_rejects_an_invalid_flow_with_its_path_and_line(client):
    body = assert_problem(client.post("/api/v1/main/flows", INVALID, content_type=YAML), 422)
    assert any(e["pointer"] == "tasks[0].mesage" and e["line"] == 6 for e in body["errors"]), body
    assert not Flow.objects.exists()


def test_it_rejects_an_id_already_in_use(client):
    client.post("/api/v1/main/flows", flow_yaml(), content_type=YAML)
    body = assert_problem(client.post("/api/v1/main/flows", flow_yaml(message="again"), content_type=YAML), 422)
    assert "already exists" in body["detail"] and body["errors"][0]["pointer"] == "id"
    assert Flow.objects.get(flow_id="hello").revision == 1


def test_it_refuses_a_draft_rather_than_making_it_live(client):
    assert client.post("/api/v1/main/flows?draft=false", flow_yaml(), content_type=YAML).status_code == 200
    body = assert_problem(client.post("/api/v1/main/flows?draft=true", flow_yaml("d"), content_type=YAML), 422)
    assert body["errors"][0]["pointer"] == "draft"
    assert_problem(client.put("/api/v1/main/flows/company.team/hello?draft=true", flow_yaml(message="x"),
                              content_type=YAML), 422)
    assert list(Flow.objects.values_list("flow_id", "revision")) == [("hello", 1)]


def test_it_rejects_an_empty_body_and_bad_yaml(client):
    assert_problem(client.post("/api/v1/main/flows", "", content_type=YAML), 422)
    body = assert_problem(client.post("/api/v1/main/flows", "id: [x\n", content_type=YAML), 422)
    assert "YAML syntax error" in body["detail"]


def test_a_viewer_cannot_create(alice, plain_user):
    from kestraweb.models import RoleBinding

    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.post("/api/v1/main/flows", flow_yaml(), content_type=YAML), 403)
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company.team")
    assert alice.post("/api/v1/main/flows", flow_yaml(), content_type=YAML).status_code == 200
    assert not Flow.objects.filter(namespace="other").exists()
