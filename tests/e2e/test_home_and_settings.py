"""Home and Settings in a real browser: the login lands on Home with the whole menu
and a drawn chart; Settings switches the theme and shows a new API token once."""
import pytest
from playwright.sync_api import expect

from kestraweb.models import ApiToken
from tests.pages.records import execution

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

MENU = ["Home", "Flows", "Templates", "Executions", "Logs", "Namespaces", "Blueprints", "Documentation", "Settings",
        "Admin"]


def test_the_login_lands_on_home_with_the_menu_and_the_chart(page, admin):
    execution("company.team", state="SUCCESS")
    failed = execution("company.team", flow_id="nightly", state="FAILED")
    page.goto("/ui/login")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/ui/")
    menu = page.get_by_role("navigation", name="Main menu")
    assert [link.strip() for link in menu.get_by_role("link").all_inner_texts()][1:] == MENU
    expect(page.locator("#executions-chart[data-ready=true]")).to_be_visible()
    expect(page.locator("#success-ratio")).to_have_text("50.0%")
    expect(page.get_by_role("link", name=failed.id[:11])).to_have_attribute(
        "href", f"/ui/executions/company.team/nightly/{failed.id}")
    page.locator("#theme-toggle").click()  # the chart repaints for the other theme, without an error
    page.locator("#theme-toggle").click()


def test_settings_switch_the_theme_and_show_a_new_token_once(page, admin):
    page.goto("/ui/login?next=/ui/settings")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/ui/settings")
    page.get_by_role("combobox", name="Theme").select_option("dark")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.get_by_label("Token name").fill("ci")
    page.get_by_role("button", name="Create token").click()
    full = page.locator("#new-token").inner_text().strip()
    assert full.startswith("kw_") and ApiToken.objects.get(name="ci").prefix == full[:10]
    page.goto("/ui/settings")
    expect(page.get_by_role("cell", name="ci", exact=True)).to_be_visible()
    assert full not in page.content()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/ui/login**")
