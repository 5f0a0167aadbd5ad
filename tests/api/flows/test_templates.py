"""Kestra 0.x's templates API (TemplateController, `/api/v1/templates`): JSON bodies,
create refuses a taken id (422 "Template id already exists"), update 404s on an
unknown template, delete 204/404, search and namespaces only where the user reads,
namespace update all-or-nothing, validate one verdict per YAML document."""
import pytest

from flows.models import Template
from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db

LOG = {"id": "log", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}


def template(template_id="common", namespace="company.team", **extra):
    return {"id": template_id, "namespace": namespace, "tasks": [LOG], **extra}


def test_it_creates_reads_updates_and_deletes_a_template(client):
    created = client.post("/api/v1/main/templates", template(description="shared"), format="json")
    assert created.status_code == 200, created.content
    assert created.json()["tasks"] == [LOG] and created.json()["description"] == "shared"
    assert_problem(client.post("/api/v1/main/templates", template(), format="json"), 422)
    url = "/api/v1/main/templates/company.team/common"
    assert client.get(url).json()["id"] == "common"
    changed = client.put(url, template(tasks=[{**LOG, "message": "bye"}]), format="json")
    assert changed.json()["tasks"][0]["message"] == "bye"
    assert_problem(client.put(url, template(namespace="elsewhere"), format="json"), 422)
    assert_problem(client.put("/api/v1/main/templates/company.team/nope", template("nope"), format="json"), 404)
    assert client.delete(url).status_code == 204
    assert_problem(client.get(url), 404)
    assert_problem(client.delete(url), 404)


def test_an_invalid_template_is_422_with_its_path(client):
    body = assert_problem(client.post("/api/v1/main/templates", template(tasks=[{**LOG, "mesage": 1}]),
                                      format="json"), 422)
    assert "tasks[0].mesage" in [e["pointer"] for e in body["errors"]]
    as_yaml = "id: t\nnamespace: company\ntriggers: []\ntasks:\n  - id: log\n" \
              "    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
    body = assert_problem(client.post("/api/v1/main/templates", as_yaml, content_type="application/x-yaml"), 422)
    assert body["errors"][0]["pointer"] == "triggers"
    assert not Template.objects.exists()


def test_search_and_namespaces_show_only_readable_ones(client, alice, plain_user):
    for template_id, namespace in [("a", "company.team"), ("b", "other")]:
        client.post("/api/v1/main/templates", template(template_id, namespace), format="json")
    assert client.get("/api/v1/main/templates/search", {"namespace": "company"}).json()["total"] == 1
    assert client.get("/api/v1/main/templates/distinct-namespaces").json() == ["company.team", "other"]
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="other")
    assert [t["id"] for t in alice.get("/api/v1/main/templates/search").json()["results"]] == ["b"]
    assert alice.get("/api/v1/main/templates/distinct-namespaces").json() == ["other"]
    assert_problem(alice.post("/api/v1/main/templates", template("c", "other"), format="json"), 403)
    assert_problem(alice.delete("/api/v1/main/templates/other/b"), 403)


def test_a_namespace_update_is_all_or_nothing(client):
    client.post("/api/v1/main/templates", template("old"), format="json")
    bad = [template("a"), template("b", tasks=[{"id": "x"}])]
    body = assert_problem(client.post("/api/v1/main/templates/company.team", bad, format="json"), 422)
    assert body["errors"][0]["pointer"].startswith("templates[1]")
    good = client.post("/api/v1/main/templates/company.team", [template("a"), template("b")], format="json")
    assert sorted(t["id"] for t in good.json()) == ["a", "b", "old"]
    assert sorted(Template.objects.values_list("template_id", flat=True)) == ["a", "b"]


def test_it_validates_template_documents(client):
    text = "id: a\nnamespace: company\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n" \
           "    message: hi\n---\nid: b\nnamespace: company\ntriggers: []\ntasks: []\n"
    first, second = client.post("/api/v1/main/templates/validate", text, content_type="application/x-yaml").json()
    assert first["constraints"] is None and second["constraints"]
