"""Preferences are stored on save and applied on the next pages: the theme on <html>,
the date format on dates; a bad value is named and nothing is saved."""
import pytest
from django.utils import timezone

from kestraweb.models import Preferences
from tests.pages.records import execution

pytestmark = pytest.mark.django_db

VALID = {"theme": "dark", "default_namespace": "company.team", "date_format": "us", "log_level": "WARN",
         "editor_font_size": "16"}


def test_it_stores_the_preferences(admin_client, admin_user):
    response = admin_client.post("/ui/settings", VALID)
    assert response.status_code == 302
    stored = Preferences.objects.get(user=admin_user)
    assert (stored.theme, stored.default_namespace, stored.date_format, stored.log_level,
            stored.editor_font_size) == ("dark", "company.team", "us", "WARN", 16)


def test_the_next_page_has_the_theme_and_the_date_format(admin_client):
    failed = execution("company.team", state="FAILED")
    admin_client.post("/ui/settings", VALID)
    body = admin_client.get("/ui/").content.decode()
    assert '<html lang="en" data-theme="dark">' in body
    us_date = timezone.localtime(failed.start_date).strftime("%m/%d/%Y, %I:%M:%S %p")
    assert us_date in body


@pytest.mark.parametrize("field, value", [("editor_font_size", "200"), ("default_namespace", "Not A Namespace"),
                                          ("theme", "purple"), ("log_level", "LOUD")])
def test_a_bad_value_is_named_and_nothing_is_saved(admin_client, admin_user, field, value):
    response = admin_client.post("/ui/settings", {**VALID, field: value})
    assert response.status_code == 400
    assert field in response.context["preferences_form"].errors
    assert not Preferences.objects.filter(user=admin_user).exists()
