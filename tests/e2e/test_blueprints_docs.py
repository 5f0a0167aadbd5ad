"""Blueprints and the documentation in a real browser: browse the catalog, search it,
open a blueprint whose YAML turns into a highlighted read-only editor, and find its Use
link opening the flow editor; read a type's documentation page. No console errors."""
import re

import pytest

from .conftest import log_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (`make install`)").expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_user_finds_a_blueprint_and_its_use_link(page, admin):
    log_in(page, "admin", then="/ui/blueprints")
    page.get_by_label("Search").fill("Subflow task")
    # htmx replaces the results in place, and keeps the search in the URL
    expect(page.get_by_role("link", name="Hello world")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"q=Subflow(%20|\+)task"))
    page.get_by_role("link", name="Call a subflow").click()
    page.wait_for_url("**/ui/blueprints/subflow-parent")
    editor = page.locator(".yaml-view-editor .cm-content")
    editor.wait_for()
    before = editor.inner_text()
    assert "io.kestra.plugin.core.flow.Subflow" in before
    editor.click()
    page.keyboard.type("typed")  # read-only: the blueprint stays as it is
    assert editor.inner_text() == before
    use = page.get_by_role("link", name="Use", exact=True)
    assert use.get_attribute("href") == "/ui/flows/new?blueprint=subflow-parent"


def test_a_user_reads_a_type_page(page, admin):
    log_in(page, "admin", then="/ui/docs/plugins")
    page.locator('a[href="/ui/docs/plugins/io.kestra.plugin.core.log.Log"]').click()
    page.wait_for_url("**/ui/docs/plugins/io.kestra.plugin.core.log.Log")
    assert page.locator("#property-message").is_visible()
    page.locator(".yaml-view-editor .cm-content").first.wait_for()  # its examples, highlighted
    page.get_by_text("Properties every task has").click()
    assert page.locator("#property-retry").first.is_visible()
