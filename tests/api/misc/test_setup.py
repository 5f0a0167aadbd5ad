"""GET/POST /api/v1/setup (Kestra's first-run setup, kestrapy `misc.setup_configuration`
and `misc.setup_kestra`): anyone may create the first user while none exists; after
that POST is refused with 405 and creates nothing."""
import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_creates_the_first_user_without_credentials(db):
    api = APIClient(enforce_csrf_checks=True)
    assert api.get("/api/v1/setup").json()["done"] is False
    body = api.post("/api/v1/setup", {"username": "admin@example.com", "password": "Secret123"}, format="json").json()
    assert body["username"] == "admin@example.com" and body["email"] == "admin@example.com"
    user = get_user_model().objects.get()
    assert user.is_superuser and user.check_password("Secret123")
    assert api.get("/api/v1/setup").json()["done"] is True


def test_it_refuses_a_second_setup(admin_user):
    response = APIClient().post("/api/v1/setup", {"username": "intruder", "password": "Secret123"}, format="json")
    assert_problem(response, 405)
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["root"]


def test_it_names_a_weak_password_or_a_missing_name(db):
    body = assert_problem(APIClient().post("/api/v1/setup", {"username": "a", "password": "short"}, format="json"),
                          422)
    assert [error["pointer"] for error in body["errors"]] == ["password"]
    body = assert_problem(APIClient().post("/api/v1/setup", {"password": "Secret123"}, format="json"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["username"]
    assert not get_user_model().objects.exists()
