"""POST /flows/import (multipart `fileUpload`, a YAML file or a zip), GET
/flows/export/by-query (+/csv) and POST /flows/export/by-ids (Kestra's FlowController
importFlows, exportByQuery, exportByIds): an export imports back; with failOnError an
invalid document refuses the file, without it the invalid ones are listed."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from flows.models import Flow
from flows.services import save_flow

from ..conftest import assert_problem
from .sources import INVALID, flow_yaml

pytestmark = pytest.mark.django_db


def upload(client, name, content, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.post(f"/api/v1/main/flows/import?{query}",
                       {"fileUpload": SimpleUploadedFile(name, content)}, format="multipart")


def test_an_export_imports_back(client):
    save_flow(flow_yaml("a", "company.team"))
    save_flow(flow_yaml("b", "other"))
    response = client.post("/api/v1/main/flows/export/by-ids", [{"namespace": "company.team", "id": "a"},
                                                                 {"namespace": "other", "id": "b"}], format="json")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["company.team.a.yml", "other.b.yml"]
    by_query = client.get("/api/v1/main/flows/export/by-query", {"namespace": "company"}).content
    assert zipfile.ZipFile(io.BytesIO(by_query)).namelist() == ["company.team.a.yml"]
    Flow.objects.all().delete()
    assert upload(client, "flows.zip", response.content).json() == []
    assert sorted(Flow.objects.values_list("flow_id", flat=True)) == ["a", "b"]


def test_the_csv_export_lists_flows(client):
    save_flow(flow_yaml("a", "company.team"))
    response = client.get("/api/v1/main/flows/export/by-query/csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("namespace,id,revision") and lines[1].startswith("company.team,a,1,")


def test_an_invalid_document_is_listed_or_refuses_the_file(client):
    text = (flow_yaml("a", "company.team") + "---\n" + INVALID).encode()
    assert upload(client, "flows.yml", text).json() == ["company.team.broken"]
    assert list(Flow.objects.values_list("flow_id", flat=True)) == ["a"]
    Flow.objects.all().delete()
    body = assert_problem(upload(client, "flows.yml", text, failOnError="true"), 422)
    assert body["errors"][0]["pointer"].startswith("flows[1].")
    assert not Flow.objects.exists()


def test_a_bad_upload_is_422(client):
    assert_problem(upload(client, "flows.zip", b"PK\x03\x04 not a zip"), 422)
    assert_problem(upload(client, "flows.yml", b"\xff\xfe"), 422)
    assert_problem(client.post("/api/v1/main/flows/import", {}, format="multipart"), 422)
