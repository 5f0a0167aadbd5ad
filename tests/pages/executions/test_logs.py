"""The Logs tab: lines at or above a level (by default the user's log_level), of one
task; the tail appends the lines after the last one shown while the execution runs;
the download has the same lines as text."""
import pytest
from django.utils import timezone

from executions.models import Execution, LogEntry
from kestraweb.models import Preferences

from .conftest import page_of

pytestmark = pytest.mark.django_db


def messages(response) -> list[str]:
    return [line.message for line in response.context["lines"]]


def test_the_default_level_is_the_users_preference(admin_client, admin_user, hello_run):
    assert messages(admin_client.get(page_of(hello_run) + "/logs")) == ["Hello World"]  # INFO by default
    Preferences.objects.create(user=admin_user, log_level="DEBUG")
    response = admin_client.get(page_of(hello_run) + "/logs")
    assert messages(response) == ["Hello World", "a detail"]
    assert "<option selected>DEBUG</option>" in response.content.decode()


def test_it_filters_by_level_and_task(admin_client, hello_run):
    assert messages(admin_client.get(page_of(hello_run) + "/logs", {"level": "DEBUG", "task": "debug"})) \
        == ["a detail"]
    assert messages(admin_client.get(page_of(hello_run) + "/logs", {"level": "ERROR"})) == []


def test_the_tail_appends_new_lines_while_running(admin_client, hello_run):
    e = hello_run.execution
    Execution.objects.filter(pk=e.id).update(state="RUNNING")
    first = admin_client.get(page_of(hello_run) + "/logs", {"level": "DEBUG"})
    after = first.context["after"]
    assert f"/logs/tail?after={after}&amp;level=DEBUG" in first.content.decode()
    LogEntry.objects.create(execution_id=e.id, namespace=e.namespace, flow_id=e.flow_id, task_id="debug",
                            level="INFO", timestamp=timezone.now(), message="one more")
    tail = admin_client.get(page_of(hello_run) + "/logs/tail", {"after": after, "level": "DEBUG"})
    content = tail.content.decode()
    assert "one more" in content and "Hello World" not in content and 'hx-trigger="every 1s"' in content
    Execution.objects.filter(pk=e.id).update(state="SUCCESS")
    done = admin_client.get(page_of(hello_run) + "/logs/tail", {"after": tail.context["after"]})
    assert "hx-trigger" not in done.content.decode()


def test_it_downloads_the_lines_as_text(admin_client, hello_run):
    response = admin_client.get(page_of(hello_run) + "/logs/download", {"level": "DEBUG"})
    assert response["Content-Type"].startswith("text/plain")
    assert f'filename="{hello_run.execution.id}.log"' in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert len(lines) == 2 and lines[0].endswith(" INFO Hello World") and lines[1].endswith(" DEBUG a detail")
