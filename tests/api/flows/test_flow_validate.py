"""POST /flows/validate (Kestra's FlowController.validateFlows): 200 always, one
ValidateConstraintViolation per `---` document, `constraints` naming each problem and
its YAML line; `outdated` when a document's revision is not the next one."""
import pytest

from flows.models import Flow

from .sources import INVALID, flow_yaml

pytestmark = pytest.mark.django_db

YAML = "application/x-yaml"


def test_it_gives_one_verdict_per_document(client):
    text = flow_yaml() + "---\n" + INVALID + "---\nnot: [closed\n"
    response = client.post("/api/v1/main/flows/validate", text, content_type=YAML)
    assert response.status_code == 200, response.content
    first, second, third = response.json()
    assert (first["index"], first["flow"], first["namespace"]) == (0, "hello", "company.team")
    assert first["constraints"] is None
    assert (second["index"], second["flow"]) == (1, "broken")
    assert "line 6" in second["constraints"] and "mesage" in second["constraints"]
    assert third["index"] == 2 and "YAML syntax error" in third["constraints"]
    assert not Flow.objects.exists()


def test_it_marks_an_outdated_revision(client):
    client.post("/api/v1/main/flows", flow_yaml(), content_type=YAML)
    stale = client.post("/api/v1/main/flows/validate", flow_yaml(extra="revision: 1\n"), content_type=YAML).json()
    fresh = client.post("/api/v1/main/flows/validate", flow_yaml(extra="revision: 2\n"), content_type=YAML).json()
    assert (stale[0]["outdated"], fresh[0]["outdated"]) == (True, False)
