"""The seed's tour, whole, in a real browser against a real cluster, as a newcomer takes
it: from Home to Flows, Create, the hello world typed into the editor and saved, the
Execute button and its form, then the execution's page, whose Gantt reaches SUCCESS
without a reload, and its Logs tab, which says Hello World."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in, screenshot
from .test_flows_editor import HELLO, replace_source

pytestmark = pytest.mark.django_db(transaction=True)

EXECUTION_PAGE = re.compile(r".*/ui/executions/company\.team/hello_world/\w+(?:/gantt)?$")
GUARD_MS = 120_000  # only stops a broken cluster from hanging the test: not a time window


def test_a_newcomer_writes_hello_world_executes_it_and_reads_its_logs(page, admin, cluster):
    log_in(page, "admin", then="/ui/")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Flows").click()
    page.get_by_role("link", name="Create").click()
    replace_source(page, HELLO)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/ui/flows/edit/company.team/hello_world/overview")

    page.get_by_role("link", name="Execute", exact=True).click()
    page.get_by_role("button", name="Execute").click()
    page.wait_for_url(EXECUTION_PAGE)
    page.evaluate("window.openedOnce = true")  # gone if the page reloads
    expect(page.locator("#execution-state")).to_have_text("SUCCESS", timeout=GUARD_MS)
    expect(page.locator('.gantt-row[data-task="hello"][data-state="SUCCESS"]')).to_have_count(1)
    assert page.evaluate("window.openedOnce") is True
    screenshot(page, "seed_tour_gantt")

    page.get_by_role("navigation", name="Execution").get_by_role("link", name="Logs").click()
    expect(page.locator("#log-lines")).to_contain_text("Hello World")
