"""`/api/v1/configs` (Kestra MiscController#configuration, unauthenticated) and health
(`/api/v1/health`, `/health` as Kestra's management endpoint)."""
import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_it_serves_configs_without_credentials(admin_user):
    body = APIClient().get("/api/v1/configs").json()
    assert body["edition"] == "OSS"
    assert body["systemNamespace"] == "system"
    assert body["hiddenLabelsPrefixes"] == ["system."]
    assert body["isBasicAuthInitialized"] is True
    assert body["uuid"] == APIClient().get("/api/v1/configs").json()["uuid"]
    assert body["version"]


def test_it_reports_health(db):
    for url in ("/api/v1/health", "/health"):
        response = APIClient().get(url)
        assert response.status_code == 200
        assert response.json()["status"] == "UP"
