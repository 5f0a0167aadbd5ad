"""The OpenAPI document (drf-spectacular) at /api/v1/openapi.json and a Swagger UI
whose files are served locally (drf-spectacular-sidecar, no CDN)."""
import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_it_serves_the_openapi_document():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/me/api-tokens" in document["paths"]
    assert document["components"]["securitySchemes"]["basicAuth"] == {"type": "http", "scheme": "basic"}


@pytest.mark.urls("tests.api.probe_urls")
def test_it_documents_a_tenant_route_once_under_main():
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/main/probe/flows" in paths
    assert "/api/v1/probe/flows" not in paths


def test_it_serves_swagger_ui_from_local_files(live_server):
    import httpx

    page = httpx.get(f"{live_server.url}/api/v1/swagger-ui")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    script = next(part.split('"')[0] for part in page.text.split('src="')[1:] if "swagger-ui" in part)
    assert httpx.get(live_server.url + script).status_code == 200
