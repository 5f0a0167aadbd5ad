"""API tokens in Settings: listed, created and shown once (stored hashed), revoked by
their owner only."""
import pytest

from kestraweb.models import ApiToken
from kestraweb.tokens import create_token, digest, user_of

pytestmark = pytest.mark.django_db


def test_a_new_token_is_shown_once_and_stored_hashed(admin_client, admin_user):
    response = admin_client.post("/ui/settings/tokens", {"name": "ci", "max_age": "P30D"})
    assert response.status_code == 200
    full = response.context["created"]["full"]
    assert full in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    stored = ApiToken.objects.get(user=admin_user, name="ci")
    assert stored.token_hash == digest(full) and full not in (stored.prefix, stored.token_hash)
    assert stored.expires_at is not None
    assert user_of(full) == admin_user
    again = admin_client.get("/ui/settings").content.decode()
    assert full not in again and stored.prefix in again


def test_it_lists_only_the_users_own_tokens(admin_client, admin_user, plain_user):
    create_token(admin_user, "mine")
    create_token(plain_user, "alices")
    body = admin_client.get("/ui/settings").content.decode()
    assert "mine" in body and "alices" not in body


def test_a_token_needs_a_name(admin_client, admin_user):
    response = admin_client.post("/ui/settings/tokens", {"name": "", "max_age": ""})
    assert response.status_code == 400 and "name" in response.context["token_form"].errors
    assert not ApiToken.objects.filter(user=admin_user).exists()


def test_the_owner_revokes_a_token(admin_client, admin_user):
    token, full = create_token(admin_user, "old")
    response = admin_client.post(f"/ui/settings/tokens/{token.pk}/revoke")
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists() and user_of(full) is None


def test_revoking_another_users_token_is_refused(alice_client, admin_user):
    token, full = create_token(admin_user, "roots")
    response = alice_client.post(f"/ui/settings/tokens/{token.pk}/revoke")
    assert response.status_code == 404
    assert user_of(full) == admin_user


def test_revoking_takes_a_post(admin_client, admin_user):
    token, _ = create_token(admin_user, "kept")
    assert admin_client.get(f"/ui/settings/tokens/{token.pk}/revoke").status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()
