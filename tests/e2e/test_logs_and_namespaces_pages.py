"""The Logs and Namespaces pages in a real browser: a search finds a line and links to
its execution; a key is added in the KV tab; a YAML file is edited in the code editor
(YAML mode) and saved from the keyboard; each page is saved as a screenshot and none
logs a console error."""
import pytest
from playwright.sync_api import expect

from storage.namespace_file_tree import NamespaceFileTree
from tests.pages.records import execution, log_line

from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_logs_search_and_namespace_kv(page, admin):
    run = execution("company.team", flow_id="etl")
    log_line(run, "loaded 42 rows", level="WARN")
    log_line(run, "starting", level="DEBUG")
    log_in(page, "admin", then="/ui/logs")
    page.get_by_label("Text").fill("rows")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("tr.log-line")).to_have_count(1)
    expect(page.get_by_role("link", name=run.id[:11])).to_have_attribute(
        "href", f"/ui/executions/company.team/etl/{run.id}/logs")
    screenshot(page, "logs-search")
    page.goto("/ui/namespaces/edit/company.team/kv")
    page.get_by_role("textbox", name="Key").fill("threshold")
    page.get_by_role("combobox", name="Type").select_option("NUMBER")
    page.get_by_role("textbox", name="Value").fill("42")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#kv-keys")).to_contain_text("threshold")
    expect(page.locator("#kv-keys")).to_contain_text("NUMBER")
    screenshot(page, "namespace-kv")
    page.get_by_role("link", name="Files").click()
    expect(page.locator("#namespace-files")).to_contain_text("This folder is empty")
    NamespaceFileTree("company.team").write("conf.yml", b"key: value\n")
    page.reload()
    page.get_by_role("link", name="conf.yml").click()
    expect(page.locator('.editor-host[data-language="yaml"] .cm-editor')).to_be_visible()
    expect(page.locator("textarea#file-content")).to_be_hidden()
    page.get_by_role("textbox", name="Content").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("other: 1")
    page.keyboard.press("Control+s")  # submits the form, CSRF token and all
    expect(page.get_by_text("Saved /conf.yml.")).to_be_visible()
    assert NamespaceFileTree("company.team").read("conf.yml") == b"key: value\nother: 1"
    expect(page.locator(".cm-content")).to_contain_text("other: 1")
    screenshot(page, "namespace-file-editor")
