"""API tokens: created per user, the full token shown once and stored hashed, used as
`Authorization: Bearer` (kestrapy's `token=`), listed without secrets, revocable.
Kestra: MeController / ApiTokenController (`/api/v1/me/api-tokens`)."""
import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from kestraweb.models import ApiToken

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def bearer(token: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return api


def test_it_shows_the_full_token_once_and_stores_its_hash(alice):
    created = alice.post("/api/v1/me/api-tokens", {"name": "ci", "additional_properties": {}}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["name"] == "ci" and body["id"]
    full = body["fullToken"]
    stored = ApiToken.objects.get(pk=body["id"])
    assert stored.token_hash == hashlib.sha256(full.encode()).hexdigest()
    assert full not in (stored.prefix, stored.name, stored.token_hash)
    listed = alice.get("/api/v1/me/api-tokens").json()
    assert listed["total"] == 1
    assert full not in str(listed) and listed["results"][0]["prefix"] == full[:len(stored.prefix)]


def test_it_authenticates_a_bearer_token_and_records_its_use(alice):
    full = alice.post("/api/v1/me/api-tokens", {"name": "ci"}, format="json").json()["fullToken"]
    response = bearer(full).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "alice"
    assert ApiToken.objects.get().last_used is not None


def test_it_rejects_a_wrong_token(alice):
    alice.post("/api/v1/me/api-tokens", {"name": "ci"}, format="json")
    assert_problem(bearer("kw_not-a-token").get("/api/v1/me"), 401)


def test_it_rejects_an_expired_token(alice):
    full = alice.post("/api/v1/me/api-tokens", {"name": "old"}, format="json").json()["fullToken"]
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_problem(bearer(full).get("/api/v1/me"), 401)


def test_it_rejects_a_deleted_token(alice):
    created = alice.post("/api/v1/me/api-tokens", {"name": "ci"}, format="json").json()
    assert alice.delete(f"/api/v1/me/api-tokens/{created['id']}").status_code == 204
    assert_problem(bearer(created["fullToken"]).get("/api/v1/me"), 401)
    assert_problem(alice.delete(f"/api/v1/me/api-tokens/{created['id']}"), 404)


def test_it_does_not_delete_another_users_token(alice, client):
    other = client.post("/api/v1/me/api-tokens", {"name": "root's"}, format="json").json()
    assert_problem(alice.delete(f"/api/v1/me/api-tokens/{other['id']}"), 404)
    assert ApiToken.objects.filter(pk=other["id"]).exists()


def test_it_requires_a_name(alice):
    body = assert_problem(alice.post("/api/v1/me/api-tokens", {}, format="json"), 422)
    assert body["errors"][0]["pointer"] == "name"


def test_it_sets_the_expiry_from_max_age(alice):
    """Kestra's CreateApiTokenRequest carries `maxAge` as an ISO-8601 duration."""
    body = alice.post("/api/v1/me/api-tokens", {"name": "month", "maxAge": "P30D"}, format="json").json()
    left = ApiToken.objects.get(pk=body["id"]).expires_at - timezone.now()
    assert timedelta(days=29, hours=23) < left <= timedelta(days=30)
    assert body["expiresAt"]


def test_it_rejects_a_bad_max_age_naming_it(alice):
    for bad in ("soon", "-P1D", "P9999999999D"):
        body = assert_problem(alice.post("/api/v1/me/api-tokens", {"name": "x", "maxAge": bad}, format="json"), 422)
        assert body["errors"][0]["pointer"] == "maxAge", bad
    assert not ApiToken.objects.exists()
