"""Browser tests: Playwright driving Debian's Chromium (`make install` installs it)
headless against a live server of this app, with a real cluster to run executions.

Each test gets a fresh browser context (its own cookies). Every console error or
uncaught page error fails the test, and a screenshot of the last page is saved under
test-artefacts/e2e/<this run's pid>/, so two runs in one checkout keep their own."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "test-artefacts" / "e2e" / str(os.getpid())
PASSWORD = "pass-word-1"


@pytest.fixture(scope="package")
def browser():
    """One Chromium for this package's tests. Package-scoped, not session-scoped:
    Playwright's sync API keeps an event loop running in the main thread until it
    stops, and every later test that calls asyncio.run() or async_to_sync() would
    find it and fail."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: `make install` installs Debian's chromium where apt-get may")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (`make install`)")
    with pytest.MonkeyPatch.context() as env, sync_api.sync_playwright() as playwright:
        # While that loop runs, Django would take the test's own ORM calls for calls
        # from async code and refuse them; only for as long as it runs.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server, request):
    """A page of a new browser context on the live server; fails its test on any
    console error and keeps a screenshot of where it ended."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 860})
    context.set_default_timeout(15_000)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    opened.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    yield opened
    screenshot(opened, request.node.name)
    context.close()
    assert not errors, "the page logged errors:\n" + "\n".join(errors)


def screenshot(page, name: str) -> Path:
    """Save what the page shows now as test-artefacts/e2e/<pid>/<name>.png."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, username: str, password: str = PASSWORD, then: str = "/ui/") -> None:
    page.goto(f"/ui/login?next={then}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{then}*")


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)


@pytest.fixture
def cluster(tmp_path):
    """A real cluster (`manage.py runcluster`, ORM broker) running this test's executions."""
    from tests.cluster.cluster_process import Broker, running_cluster

    with running_cluster(tmp_path, Broker("orm")) as process:
        yield process
