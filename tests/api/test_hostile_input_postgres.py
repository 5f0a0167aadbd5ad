"""Input PostgreSQL refuses where SQLite took it is a 4xx naming the field, never a 500
("no user input causes a 500"), on both databases: a NUL character or a lone UTF-16
surrogate in a body (text and jsonb columns refuse them), a page or revision past a
64-bit offset, a date that leaves Python's years once in UTC, a key or namespace longer
than its column, a regular expression of Python's dialect that PostgreSQL's refuses.
Each was a 500 on PostgreSQL (most on SQLite too) before. CI runs this file on both."""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from executions.models import Execution, ExecutionLabel, KVEntry
from flows.models import Flow, Namespace, Template
from flows.services import save_flow

from .conftest import assert_problem
from .factories import execution

pytestmark = pytest.mark.django_db

T = "/api/v1/main"
NUL = "a\x00b"
SURROGATE = "\ud800"
BEYOND_INT = "99999999999999999999"
FLOW = """
id: hello
namespace: company
inputs:
  - id: name
    type: STRING
  - id: data
    type: JSON
    required: false
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 0 * * *"
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


@pytest.fixture
def flow():
    return save_flow(FLOW)[0]


def pointers(response, status=422) -> list:
    return [error["pointer"] for error in assert_problem(response, status)["errors"]]


def post_json(client, url, body, method="post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("text", [NUL, SURROGATE], ids=["nul", "surrogate"])
def test_unstorable_text_in_a_json_body_is_a_422_naming_where(client, flow, text):
    execution("e1", namespace="company", flow_id="hello")
    assert pointers(post_json(client, f"{T}/executions/e1/labels", [{"key": "k", "value": text}])) == [
        "body.0.value"]
    assert pointers(post_json(client, f"{T}/executions/labels/by-ids",
                              {"executionsId": ["e1"], "executionLabels": [{"key": text, "value": "v"}]})) == [
        "body.executionLabels.0.key"]
    assert not ExecutionLabel.objects.filter(key="k").exists()
    backfill = {"namespace": "company", "flowId": "hello", "triggerId": "daily",
                "backfill": {"start": "2026-01-01T00:00:00Z", "inputs": {"name": text}}}
    assert pointers(post_json(client, f"{T}/triggers/backfill/create", backfill, "put")) == [
        "body.backfill.inputs.name"]
    template = {"id": "t", "namespace": "company", "description": text,
                "tasks": [{"id": "a", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}]}
    assert pointers(post_json(client, f"{T}/templates", template)) == ["body.description"]
    assert not Template.objects.exists()
    assert pointers(post_json(client, f"{T}/namespaces/company/kv/k", {"a": text}, "put")) == ["body.a"]
    assert pointers(post_json(client, f"{T}/executions/by-ids", [text], "delete")) == ["body.0"]


def test_a_key_holding_a_nul_is_refused_without_echoing_it(client, flow):
    body = assert_problem(post_json(client, f"{T}/namespaces/company/kv/k", {"k\x00": 1}, "put"), 422)
    assert body["errors"][0]["pointer"] == "body" and "\x00" not in body["detail"]


@pytest.mark.parametrize("form, pointer", [({"name": NUL}, "body.name"), ({"name": "Ada", "na\x00me": "x"}, "body")],
                         ids=["value", "name"])
def test_a_multipart_input_holding_a_nul_is_a_422(client, flow, form, pointer):
    for url in (f"{T}/executions/company/hello", f"{T}/executions/company/hello/validate"):
        assert pointers(client.post(url, form, format="multipart")) == [pointer]
    assert not Execution.objects.exists()


@pytest.mark.parametrize("escape", ["\\0", "\\ud800"], ids=["nul", "surrogate"])
@pytest.mark.parametrize("place, line", [
    ("description: \"a{}b\"\n", 3), ("labels:\n  team: \"a{}b\"\n", 4), ("labels:\n  \"k{}\": v\n", 4)],
    ids=["description", "label value", "label key"])
def test_a_flow_whose_yaml_escapes_make_unstorable_text_is_a_422_with_the_line(client, flow, escape, place, line):
    source = FLOW.replace("id: hello\n", "id: hello\n" + place.format(escape), 1)
    for response in (client.post(f"{T}/flows", source.replace("id: hello", "id: other"),
                                 content_type="application/x-yaml"),
                     client.put(f"{T}/flows/company/hello", source, content_type="application/x-yaml")):
        errors = assert_problem(response, 422)["errors"]
        refused = [error for error in errors if error.get("line") == line
                   and ("cannot be stored" in error["detail"] or "not valid Unicode" in error["detail"])]
        assert refused, errors
    imported = client.post(f"{T}/flows/import", {"fileUpload": SimpleUploadedFile("f.yml", source.encode())},
                           format="multipart")
    assert imported.status_code < 500, imported.content
    assert Flow.objects.get(namespace="company", flow_id="hello").revision == 1
    assert not Flow.objects.filter(flow_id="other").exists()


def test_a_json_input_whose_escapes_make_a_nul_is_a_422_naming_the_input(client, flow):
    response = client.post(f"{T}/executions/company/hello", {"name": "Ada", "data": '{"a": "\\u0000"}'},
                           format="multipart")
    assert pointers(response) == ["inputs.data"]


@pytest.mark.parametrize("literal", ['"a\\u0000b"', '{"a": "\\ud800"}', "a\x00b"])
def test_a_kv_literal_holding_unstorable_text_is_a_422(client, literal):
    response = client.put(f"{T}/namespaces/company/kv/k", literal, content_type="text/plain")
    assert pointers(response)[0].startswith("body")
    assert not KVEntry.objects.exists()


def test_a_kv_key_or_namespace_longer_than_kept_is_a_422_naming_it(client):
    assert pointers(client.put(f"{T}/namespaces/company/kv/{'k' * 256}", "1", content_type="text/plain")) == ["key"]
    assert pointers(client.put(f"{T}/namespaces/{'n' * 151}/kv/k", "1", content_type="text/plain")) == [
        "namespace"]
    assert client.put(f"{T}/namespaces/{'n' * 150}/kv/{'k' * 255}", "1", content_type="text/plain").status_code == 200


def test_a_namespace_longer_than_kestras_150_characters_is_a_422(client):
    assert pointers(post_json(client, f"{T}/namespaces", {"id": "n" * 151})) == ["id"]
    upload = {"fileContent": SimpleUploadedFile("a.txt", b"x")}
    assert pointers(client.post(f"{T}/namespaces/{'n' * 300}/files?path=/a.txt", upload, format="multipart")) == [
        "namespace"]
    assert not Namespace.objects.filter(name__startswith="nnn").exists()


@pytest.mark.parametrize("endpoint", ["flows/search", "executions/search", "logs/search", "triggers/search", "kv",
                                      "templates/search"])
@pytest.mark.parametrize("page", [BEYOND_INT, str(2**63 - 1), str(2**31)])
def test_a_page_past_a_java_int_is_a_422(client, endpoint, page):
    assert pointers(client.get(f"{T}/{endpoint}", {"page": page})) == ["page"]


def test_the_last_java_int_page_is_an_empty_page(client):
    body = client.get(f"{T}/executions/search", {"page": str(2**31 - 1), "size": "100"}).json()
    assert body["results"] == []


def test_a_revision_past_a_java_int_is_a_422(client, flow):
    assert pointers(client.delete(f"{T}/flows/company/hello/revisions?revisions={BEYOND_INT}")) == ["revisions"]
    assert pointers(client.get(f"{T}/flows/company/hello", {"revision": BEYOND_INT})) == ["revision"]


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
@pytest.mark.parametrize("endpoint, param", [
    ("executions/search", "startDate"), ("executions/search", "endDate"), ("logs/search", "startDate"),
    ("triggers/search", "filters[startDate][GREATER_THAN]"), ("executions/export/by-query/csv", "endDate"),
    ("metrics/aggregates/company/hello/m", "startDate")])
def test_a_date_outside_years_1_to_9999_in_utc_is_a_422_naming_it(client, endpoint, param, date):
    assert pointers(client.get(f"{T}/{endpoint}", {param: date})) == [param]


def test_an_execution_scheduled_outside_the_years_is_a_422(client, flow):
    response = client.post(f"{T}/executions/company/hello?scheduleDate=9999-12-31T23:59:59-05:00", {"name": "Ada"},
                           format="multipart")
    assert pointers(response) == ["scheduleDate"]


@pytest.mark.parametrize("endpoint", ["flows/search", "executions/search", "logs/search", "triggers/search", "kv",
                                      "namespaces/search", "executions/export/by-query/csv"])
def test_a_regex_the_database_cannot_read_is_a_422(client, endpoint):
    """`a{1000}` is Python's (SQLite matches with `re`) but past PostgreSQL's 255 repeats."""
    response = client.get(f"{T}/{endpoint}", {"filters[namespace][REGEX]": "a{1000}"})
    if connection.vendor == "postgresql":
        assert pointers(response) == ["filters[namespace][REGEX]"]
    else:
        assert response.status_code == 200, response.content
    assert pointers(client.get(f"{T}/{endpoint}", {"filters[namespace][REGEX]": "a**"})) == [
        "filters[namespace][REGEX]"]


def test_a_refused_regex_leaves_the_requests_transaction_usable(client, flow):
    """PostgreSQL is asked in a savepoint: after a refused pattern, the test's (and a
    request's) transaction still answers queries."""
    def found():
        body = client.get(f"{T}/flows/search", {"filters[namespace][REGEX]": "^comp"}).json()
        return [row["id"] for row in body["results"]]

    assert found() == ["hello"]
    assert client.get(f"{T}/flows/search", {"filters[namespace][REGEX]": "a{1000}"}).status_code in (200, 422)
    assert found() == ["hello"]


def test_a_nul_in_the_query_names_the_parameter(client):
    assert pointers(client.get(f"{T}/flows/search", {"q": NUL}), 400) == ["q"]
    assert pointers(client.get(f"{T}/flows/%00/x/dependencies"), 400) == ["path"]


def test_a_nul_in_a_pages_query_or_form_is_a_400_not_a_500(client, admin_user, flow):
    """Pages had no guard: `/ui/flows?q=%00` and an execution's labels posted from its
    page (read without a Django form) reached PostgreSQL."""
    client.force_login(admin_user)
    response = client.get("/ui/flows", {"q": NUL})
    assert response.status_code == 400 and b"NUL" in response.content
    execution("e1", namespace="company", flow_id="hello")
    response = client.post("/ui/executions/company/hello/e1/actions/labels", {"labels": f"team:{NUL}"})
    assert response.status_code == 400 and b"labels" in response.content
    assert not ExecutionLabel.objects.filter(key="team").exists()


@pytest.mark.parametrize("old, pointer", [("id: daily", "triggers[0].id"), ("id: say", "tasks[0].id")])
def test_a_task_or_trigger_id_longer_than_its_columns_is_a_422(client, old, pointer):
    """Kestra sets no bound, but a run keeps the id in 255-character columns: PostgreSQL
    refused a longer one when the flow ran (the scheduler, the worker), SQLite kept it."""
    source = FLOW.replace(old, f"id: {'x' * 256}")
    assert pointer in pointers(client.post(f"{T}/flows", source, content_type="application/x-yaml"))
    assert client.post(f"{T}/flows", FLOW.replace(old, f"id: {'x' * 255}"),
                       content_type="application/x-yaml").status_code == 200


@pytest.mark.parametrize("body, content_type", [('{"a": "x\\u0000"}', "application/json"),
                                                ("a\x00b", "text/plain")], ids=["json escape", "raw text"])
def test_a_webhook_body_holding_a_nul_is_a_422_and_starts_nothing(client, body, content_type):
    save_flow("id: hello\nnamespace: company\n"
              "triggers:\n  - id: hook\n    type: io.kestra.plugin.core.trigger.Webhook\n    key: the-key\n"
              "tasks:\n  - id: say\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n")
    response = client.post(f"{T}/executions/webhook/company/hello/the-key", body, content_type=content_type)
    assert "trigger.body" in assert_problem(response, 422)["detail"]
    assert not Execution.objects.exists()
    assert client.post(f"{T}/executions/webhook/company/hello/the-key", '{"a": "x"}',
                       content_type="application/json").status_code == 200
