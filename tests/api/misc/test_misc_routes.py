"""The small MiscController routes: /api/v1/pebble/filters and /functions (the names
the expressions accept, for the editor), /api/v1/configs/login, /api/v1/basicAuthValidationErrors
and /{tenant}/worker-selectors/tags (kestrapy `client.misc.*`)."""
import pytest
from rest_framework.test import APIClient

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_pebble_names_are_the_expressions_own(client):
    filters = client.get("/api/v1/pebble/filters").json()
    assert {"toJson", "date", "jq", "slugify"} <= set(filters) and filters == sorted(filters)
    functions = client.get("/api/v1/pebble/functions").json()
    assert {"now", "render", "kv", "secret", "read"} <= set(functions)


def test_pebble_names_need_a_user(db):
    assert_problem(APIClient().get("/api/v1/pebble/filters"), 401)


def test_any_user_reads_pebble_names(alice):
    assert alice.get("/api/v1/pebble/functions").status_code == 200


def test_login_configuration_and_validation_errors_are_public(admin_user):
    assert APIClient().get("/api/v1/configs/login").json() == {"isBasicAuthInitialized": True}
    assert APIClient().get("/api/v1/basicAuthValidationErrors").json() == []


def test_worker_selector_tags_are_empty(client):
    assert client.get("/api/v1/main/worker-selectors/tags").json() == {"tags": []}
    assert client.get("/api/v1/worker-selectors/tags").json() == {"tags": []}
