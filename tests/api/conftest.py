"""Fixtures of the API tests: users with and without roles, and clients logged in
with HTTP Basic as Kestra's scripts are."""
import base64

import pytest
from rest_framework.test import APIClient

PASSWORD = "pass-word-1"


def basic(username: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{PASSWORD}".encode()).decode()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)


@pytest.fixture
def plain_user(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.com", PASSWORD)


@pytest.fixture
def client(admin_user):
    """A superuser's client (HTTP Basic)."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=basic(admin_user.username))
    return api


@pytest.fixture
def alice(plain_user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=basic(plain_user.username))
    return api


def assert_problem(response, status: int) -> dict:
    """The response is an RFC 7807 problem with that status; its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "instance", "traceId", "errors"} <= set(body)
    return body


@pytest.fixture
def kestra_client(live_server, admin_user):
    """Kestra's official Python client (PyPI `kestrapy` 2.0.x), unchanged, against a
    live server of this app, logged in with HTTP Basic as scripts do. Methods take the
    tenant `main` (../shared/api-contract.md §1)."""
    from kestrapy import KestraClient

    return KestraClient(host=live_server.url, username=admin_user.username, password=PASSWORD)
