"""Every error under /api/ is RFC 7807 application/problem+json
{type,title,status,detail,instance,traceId,errors:[{detail,pointer}]}, as Kestra 2.0
answers (contract §1 "Errors"), and flow errors carry the YAML path and line."""
import pytest
from django.db import connection

from .conftest import assert_problem

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]


def test_it_answers_401_with_www_authenticate_basic():
    from rest_framework.test import APIClient

    response = APIClient().get("/api/v1/me")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Basic")


def test_it_answers_405_problem_with_allow(client):
    response = client.delete("/api/v1/probe/flows")
    body = assert_problem(response, 405)
    assert "DELETE" in body["detail"]
    assert "POST" in response["Allow"]


def test_it_answers_400_problem_for_unreadable_json(client):
    response = client.post("/api/v1/probe/echo", data=b"{nope", content_type="application/json")
    assert_problem(response, 400)


def test_it_answers_415_problem_for_an_unknown_body_type(client):
    assert_problem(client.post("/api/v1/probe/echo", data=b"x", content_type="application/x-nope"), 415)


def test_it_answers_422_with_the_yaml_path_and_line_of_a_bad_flow(client):
    source = "id: hello\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n" \
             "    mesage: hi\n"
    body = assert_problem(client.post("/api/v1/probe/flows", data=source, content_type="application/x-yaml"), 422)
    errors = {error["pointer"]: error for error in body["errors"]}
    assert errors["tasks[0].mesage"]["line"] == 6
    assert "unknown property 'mesage'" in errors["tasks[0].mesage"]["detail"]
    assert errors["tasks[0].message"]["line"] == 4


def test_it_answers_409_problem_for_a_named_conflict(client):
    body = assert_problem(client.post("/api/v1/probe/namespaces/taken/write"), 409)
    assert body["detail"] == "Namespace 'taken' is taken"


def test_it_names_the_trace_id_the_client_sent(client):
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    response = client.get("/api/v1/nothing", HTTP_TRACEPARENT=f"00-{trace}-00f067aa0ba902b7-01")
    assert assert_problem(response, 404)["traceId"] == trace


def test_it_leaves_errors_outside_the_api_alone(client):
    response = client.get("/admin/nothing-here/")
    assert response["Content-Type"] != "application/problem+json"


def test_a_value_the_database_refuses_is_a_422_not_a_500(client):
    """The backstop behind the checks at the entry points (api.problem_json.as_problem):
    a DataError is the request's value not fitting, whichever view forgot to check."""
    response = client.post("/api/v1/probe/unchecked-insert", {"name": "n" * 300}, format="json")
    if connection.vendor == "postgresql":
        assert "does not fit the database" in assert_problem(response, 422)["detail"]
    else:
        assert response.status_code == 200  # SQLite does not enforce varchar lengths


def test_it_refuses_a_nul_character_in_the_path_or_query_as_a_400(client):
    """Found by the OpenAPI fuzz on PostgreSQL, which cannot store NUL in text: a 500 before."""
    assert_problem(client.get("/api/v1/main/flows/%00/x/dependencies"), 400)
    assert_problem(client.get("/api/v1/main/flows/search?q=%00"), 400)
