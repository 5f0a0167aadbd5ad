"""The seed's tour, its second half, in a real browser against a real cluster: an
execution's Gantt page opened while it runs follows it to SUCCESS without a reload,
keeping the attempts list the reader opened open, then its Logs tab shows what it logged."""
import textwrap
import time

import pytest

from executions.models import Execution
from executions.services.launch import launch
from flows.services import save_flow

from .conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SOURCE = textwrap.dedent("""
    id: hello-live
    namespace: company.team
    tasks:
      - id: nap
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT2S
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: Hello World
    """)
GUARD_SECONDS = 120  # only stops a broken cluster from hanging the test: not a time window


def wait_until_running(execution_id: str) -> None:
    deadline = time.monotonic() + GUARD_SECONDS
    while Execution.objects.get(pk=execution_id).state != "RUNNING":
        assert time.monotonic() < deadline, "the cluster never started the execution"
        time.sleep(0.05)


def test_the_gantt_follows_the_execution_to_success_and_the_logs_say_hello(page, admin, cluster):
    from playwright.sync_api import expect

    log_in(page, "admin", then="/ui/executions")
    flow, _ = save_flow(SOURCE)
    execution = launch(flow)
    wait_until_running(execution.id)
    page.goto(f"/ui/executions/company.team/hello-live/{execution.id}/gantt")
    expect(page.locator("#gantt[hx-trigger]")).to_have_count(1)  # opened while it runs: it polls
    page.evaluate("window.openedOnce = true")  # gone if the page reloads
    page.evaluate("window.swaps = 0; document.addEventListener('htmx:afterSwap', () => window.swaps++)")
    attempts = page.locator('.gantt-row[data-task="nap"] details.attempts')
    attempts.locator("summary").focus()
    page.keyboard.press("Enter")  # opened from the keyboard
    expect(attempts).to_have_attribute("open", "")
    page.wait_for_function("window.swaps >= 1")  # at least one refresh since
    expect(attempts).to_have_attribute("open", "")
    expect(page.locator("#execution-state")).to_have_text("SUCCESS", timeout=GUARD_SECONDS * 1000)
    expect(page.locator('.gantt-row[data-task="hello"][data-state="SUCCESS"]')).to_have_count(1)
    expect(page.locator("#gantt[hx-trigger]")).to_have_count(0)  # terminal: the polling stopped
    expect(page.get_by_role("button", name="Kill")).to_have_count(0)  # the header's actions follow the state
    expect(page.get_by_role("button", name="Restart")).to_have_count(1)
    expect(attempts).to_have_attribute("open", "")  # still open after the last refresh
    assert page.evaluate("window.openedOnce") is True
    screenshot(page, "execution_gantt")
    page.get_by_role("navigation", name="Execution").get_by_role("link", name="Logs").click()
    expect(page.locator("#log-lines")).to_contain_text("Hello World")
