"""The shell: login, logout, the theme switch, `/` opening the UI."""
import pytest
from django.test import Client

from kestraweb.models import Preferences

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_root_opens_the_ui():
    response = Client().get("/")
    assert response.status_code == 302 and response["Location"] == "/ui/"


def test_the_login_page_renders_for_anyone():
    response = Client().get("/ui/login")
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_it_logs_a_user_in_with_csrf_on(admin_user):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/ui/login")
    token = page.cookies["csrftoken"].value
    response = client.post("/ui/login", {"username": "root", "password": PASSWORD, "next": "/ui/flows",
                                         "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == "/ui/flows"


def test_it_refuses_a_login_post_without_the_csrf_token(admin_user):
    response = Client(enforce_csrf_checks=True).post("/ui/login", {"username": "root", "password": PASSWORD})
    assert response.status_code == 403


def test_a_wrong_password_keeps_the_user_out(admin_user):
    response = Client().post("/ui/login", {"username": "root", "password": "nope"})
    assert response.status_code == 200 and b"match. Please try again" in response.content


def test_logout_needs_a_post(admin_client):
    assert admin_client.get("/ui/logout").status_code == 405
    assert admin_client.post("/ui/logout")["Location"] == "/ui/login"


def test_the_theme_switch_is_stored_per_user(admin_client, admin_user):
    response = admin_client.post("/ui/preferences/theme", {"theme": "dark"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert Preferences.objects.get(user=admin_user).theme == "dark"
    assert admin_client.post("/ui/main/preferences/theme", {"theme": "light"})["Location"] == "/ui/"
    assert Preferences.objects.get(user=admin_user).theme == "light"


def test_a_theme_switch_racing_another_first_change_saves_onto_its_row(admin_client, admin_user, monkeypatch):
    """Two first changes at once (the theme toggled twice quickly): each request read
    no row; the second finds the first's row inserted meanwhile and must not fail on
    the one-row-per-user constraint (a 500 a browser test met)."""
    Preferences.objects.create(user=admin_user, theme="light")  # the other request's row
    monkeypatch.setattr(Preferences, "of", classmethod(lambda cls, user: cls(user=user)))  # read before it existed
    response = admin_client.post("/ui/preferences/theme", {"theme": "dark"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert Preferences.objects.get(user=admin_user).theme == "dark"


def test_an_unknown_theme_is_refused_by_name(admin_client, admin_user):
    response = admin_client.post("/ui/preferences/theme", {"theme": "neon"})
    assert response.status_code == 400 and b"neon" in response.content
    assert not Preferences.objects.filter(user=admin_user).exists()
