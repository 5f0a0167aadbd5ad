"""API tokens and role bindings are managed in the admin (issue 15, "All of this is
manageable in the admin"); a token's page never shows its hash."""
import pytest
from django.test import Client

from kestraweb.models import RoleBinding
from kestraweb.tokens import create_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(admin_user):
    web = Client()
    web.force_login(admin_user)
    return web


def test_it_lists_and_shows_tokens_without_their_secret(browser, plain_user):
    token, full = create_token(plain_user, "deploy")
    listing = browser.get("/admin/kestraweb/apitoken/")
    assert listing.status_code == 200 and b"deploy" in listing.content
    page = browser.get(f"/admin/kestraweb/apitoken/{token.pk}/change/")
    assert page.status_code == 200
    assert token.token_hash.encode() not in page.content and full.encode() not in page.content


def test_it_grants_a_role_from_the_admin(browser, plain_user):
    response = browser.post("/admin/kestraweb/rolebinding/add/",
                            {"user": plain_user.pk, "role": "editor", "namespace": "company"})
    assert response.status_code == 302, response.content[:2000]
    assert RoleBinding.objects.get().role == "editor"


def test_it_refuses_a_binding_to_nobody(browser):
    response = browser.post("/admin/kestraweb/rolebinding/add/", {"role": "editor", "namespace": "company"})
    assert response.status_code == 200
    assert not RoleBinding.objects.exists()
