"""`/api/v1/me`: the current user (GET) and their name and email (PATCH); unknown keys
are ignored, as the contract requires of every body (kestrapy adds
`additional_properties`)."""
import pytest

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_shows_the_current_user(alice):
    body = alice.get("/api/v1/me").json()
    assert body["username"] == "alice"
    assert body["email"] == "alice@example.com"
    assert body["superAdmin"] is False


def test_it_changes_name_and_email_and_ignores_unknown_keys(alice, plain_user):
    response = alice.patch("/api/v1/me", {"name": "Alice Liddell", "email": "a@example.org", "username": "x",
                                          "additional_properties": {}}, format="json")
    assert response.status_code == 200, response.content
    plain_user.refresh_from_db()
    assert (plain_user.first_name, plain_user.last_name, plain_user.email) == ("Alice", "Liddell", "a@example.org")
    assert plain_user.username == "alice"
    assert response.json()["name"] == "Alice Liddell"


def test_it_rejects_a_bad_email_naming_it(alice):
    body = assert_problem(alice.patch("/api/v1/me", {"email": "not-an-email"}, format="json"), 422)
    assert body["errors"][0]["pointer"] == "email"


def test_it_reads_with_a_session_and_refuses_a_write_without_csrf(plain_user):
    from rest_framework.test import APIClient

    api = APIClient(enforce_csrf_checks=True)
    api.force_login(plain_user)
    assert api.get("/api/v1/me").status_code == 200
    body = assert_problem(api.patch("/api/v1/me", {"email": "b@example.org"}, format="json"), 403)
    assert "CSRF" in body["detail"]
