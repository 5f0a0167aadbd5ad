"""Kestra 0.x's template import/export and bulk delete (TemplateController: /import,
/export/by-query, /export/by-ids, /delete/by-query, /delete/by-ids): zips of
`<namespace>.<id>.yml`, imports all or nothing, only the user's namespaces."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from flows.models import Template
from flows.services import save_template
from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db


def source(template_id, namespace="company.team", message="hi"):
    return (f"id: {template_id}\nnamespace: {namespace}\ntasks:\n  - id: log\n"
            f"    type: io.kestra.plugin.core.log.Log\n    message: {message}\n")


def entries(response) -> dict:
    assert response.status_code == 200, response.content
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


@pytest.fixture
def templates():
    save_template(source("one"))
    save_template(source("two", "company.other"))
    save_template(source("three", "secret"))


def test_export_by_query_and_by_ids(client, templates):
    assert set(entries(client.get("/api/v1/main/templates/export/by-query", {"namespace": "company"}))) == {
        "company.team.one.yml", "company.other.two.yml"}
    by_ids = client.post("/api/v1/main/templates/export/by-ids", [{"namespace": "company.team", "id": "one"}],
                         format="json")
    assert entries(by_ids) == {"company.team.one.yml": source("one")}
    assert_problem(client.post("/api/v1/main/templates/export/by-ids", [{"namespace": "company.team", "id": "no"}],
                               format="json"), 404)


def test_export_only_readable_namespaces(alice, plain_user, templates):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert set(entries(alice.get("/api/v1/main/templates/export/by-query"))) == {
        "company.team.one.yml", "company.other.two.yml"}
    assert_problem(alice.post("/api/v1/main/templates/export/by-ids", [{"namespace": "secret", "id": "three"}],
                              format="json"), 403)


def test_import_a_yaml_file_creates_and_updates(client, templates):
    text = source("one", message="changed") + "---\n" + source("four")
    upload = SimpleUploadedFile("templates.yml", text.encode())
    response = client.post("/api/v1/main/templates/import", {"fileUpload": upload}, format="multipart")
    assert response.status_code == 204, response.content
    assert "changed" in Template.objects.get(template_id="one").source
    assert Template.objects.filter(template_id="four").exists()


def test_import_a_zip_all_or_nothing(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.yml", source("good"))
        archive.writestr("b.yml", "id: bad\nnamespace: company\ntriggers: []\ntasks: []\n")
    upload = SimpleUploadedFile("templates.zip", buffer.getvalue())
    body = assert_problem(client.post("/api/v1/main/templates/import", {"fileUpload": upload}, format="multipart"),
                          422)
    assert any(error["pointer"].startswith("templates[1]") for error in body["errors"])
    assert not Template.objects.exists()


def test_import_needs_write_on_every_namespace(alice, plain_user):
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company")
    upload = SimpleUploadedFile("t.yml", (source("mine") + "---\n" + source("theirs", "secret")).encode())
    assert_problem(alice.post("/api/v1/main/templates/import", {"fileUpload": upload}, format="multipart"), 403)
    assert not Template.objects.exists()
    assert_problem(alice.post("/api/v1/main/templates/import", {}, format="multipart"), 422)


def test_delete_by_query_and_by_ids(client, alice, plain_user, templates):
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company")
    assert alice.delete("/api/v1/main/templates/delete/by-query").json() == {"count": 2}
    assert list(Template.objects.values_list("template_id", flat=True)) == ["three"]
    assert_problem(alice.delete("/api/v1/main/templates/delete/by-ids", [{"namespace": "secret", "id": "three"}],
                                format="json"), 403)
    assert client.delete("/api/v1/main/templates/delete/by-ids", [{"namespace": "secret", "id": "three"}],
                         format="json").json() == {"count": 1}
