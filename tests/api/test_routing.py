"""Routes answer at /api/v1/main/... and at /api/v1/... (Kestra >= 0.21 puts the tenant
in the path, @Controller("/api/v1/{tenant}/..."); the in-script `kestra` library still
calls the tenant-less form). Contract §4."""
import pytest

from .conftest import assert_problem

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]


def test_it_serves_a_route_with_and_without_the_tenant(client):
    for url in ("/api/v1/main/probe/namespaces/company/write", "/api/v1/probe/namespaces/company/write"):
        response = client.post(url)
        assert response.status_code == 200, url
        assert response.json() == {"namespace": "company"}


def test_it_answers_404_problem_for_another_tenant(client):
    body = assert_problem(client.post("/api/v1/acme/probe/namespaces/company/write"), 404)
    assert body["instance"] == "/api/v1/acme/probe/namespaces/company/write"


def test_it_answers_404_problem_for_an_unknown_route(client):
    body = assert_problem(client.get("/api/v1/main/nothing/here"), 404)
    assert "/api/v1/main/nothing/here" in body["detail"]


def test_it_keeps_serving_the_webhook_at_both_paths(client):
    for url in ("/api/v1/main/executions/webhook/ns/flow/key", "/api/v1/executions/webhook/ns/flow/key"):
        body = assert_problem(client.get(url), 404)
        assert "Flow not found: ns.flow" in body["detail"]


def test_no_api_route_ends_with_a_slash(client, settings):
    """So Django's APPEND_SLASH never redirects an API call (and never fails on a POST)."""
    settings.DEBUG = True
    for url in ("/api/v1/swagger-ui", "/api/v1/me", "/api/v1/configs"):
        assert client.post(url, {}, format="json").status_code in (201, 405, 422), url
