"""Request bodies as kestrapy sends them (contract §1 "Request bodies"): a flow as raw
`application/x-yaml` text, expressions and KV values as `text/plain`, JSON with unknown
keys, inputs as multipart."""
import pytest

from .conftest import assert_problem

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]

URL = "/api/v1/probe/echo"


def test_it_keeps_yaml_as_text(client):
    source = "id: x\nnamespace: y  # comment kept\n"
    body = client.post(URL, data=source, content_type="application/x-yaml").json()
    assert body == {"type": "str", "data": source, "files": {}}


def test_it_keeps_plain_text_as_text(client):
    body = client.post(URL, data="{{ 1 + 1 }}", content_type="text/plain; charset=utf-8").json()
    assert body["data"] == "{{ 1 + 1 }}"


def test_it_reads_json(client):
    assert client.post(URL, [{"key": "a", "value": "b", "additional_properties": {}}], format="json").json()["data"] \
        == [{"key": "a", "value": "b", "additional_properties": {}}]


def test_it_reads_multipart_inputs_and_files(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = client.post(URL, {"name": "world", "file": SimpleUploadedFile("file", b"contents")},
                       format="multipart").json()
    assert body["data"]["name"] == "world"
    assert body["files"] == {"file": "contents"}


def test_it_refuses_text_that_is_not_utf8(client):
    assert_problem(client.post(URL, data=b"\xff\xfe", content_type="text/plain"), 400)


def test_it_refuses_a_text_body_over_the_limit(client, settings):
    settings.API_MAX_TEXT_BODY = 10
    body = assert_problem(client.post(URL, data="x" * 11, content_type="application/x-yaml"), 413)
    assert "KESTRAWEB_API_MAX_TEXT_BODY" in body["detail"]


def test_it_refuses_a_multipart_field_over_djangos_limit(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    assert_problem(client.post(URL, {"name": "x" * 100}, format="multipart"), 400)
