"""Logging in and out of the pages in a real browser."""
import pytest

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_wrong_password_shows_an_error_and_keeps_the_user_out(page, admin):
    page.goto("/ui/login")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("not-" + PASSWORD)
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").inner_text().startswith("Your username and password didn't match")

