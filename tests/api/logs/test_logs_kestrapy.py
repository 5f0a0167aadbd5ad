"""Kestra's official client reads logs unchanged: list_logs_from_execution,
download_logs_from_execution, follow_logs_from_execution (SSE, Kestra's
LogController.followLogsFromExecution) and search_logs (api-contract §3.4)."""
import threading
from datetime import timedelta

import pytest

from executions.models import Execution, LogEntry

from ..factories import BASE, execution
from .conftest import write_lines

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_client_lists_and_downloads_logs(kestra_client, logged):
    entries = kestra_client.logs.list_logs_from_execution(logged, "main", min_level="INFO")
    assert [(e.task_id, e.message) for e in entries] == [("hello", "hello world"), ("hello", "careful"),
                                                        ("bye", "it broke")]
    assert entries[0].namespace == "company" and entries[0].flow_id == "hello"
    text = kestra_client.logs.download_logs_from_execution(logged, "main", task_id="bye")
    assert text == "2026-01-01T00:00:03.120Z ERROR it broke"


def test_the_client_searches_logs(kestra_client, logged):
    from kestrapy.models.query_filter import QueryFilter

    page = kestra_client.logs.search_logs("main", size=2, filters=[
        QueryFilter(field="level", operation="GREATER_THAN_OR_EQUAL_TO", value="WARN")])
    assert page.total == 2
    assert sorted(e.message for e in page.results) == ["careful", "it broke"]


def test_the_client_follows_an_ended_executions_logs_to_their_end(kestra_client, logged):
    followed = list(kestra_client.logs.follow_logs_from_execution(logged, "main", min_level="WARN"))
    assert [e.message for e in followed] == ["careful", "it broke"]


def test_the_client_follows_lines_written_while_it_runs(kestra_client, settings):
    settings.API_FOLLOW_POLL = 0.05
    execution("live", state="RUNNING")
    write_lines("live", lines=[("a", "INFO", "first")])
    received, seen_first = [], threading.Event()

    def follow():
        for entry in kestra_client.logs.follow_logs_from_execution("live", "main"):
            received.append(entry.message)
            seen_first.set()

    follower = threading.Thread(target=follow)
    follower.start()
    assert seen_first.wait(30)
    LogEntry.objects.create(execution_id="live", namespace="company", flow_id="hello", level="INFO",
                            timestamp=BASE + timedelta(minutes=1), message="second")
    Execution.objects.filter(id="live").update(state="SUCCESS")
    follower.join(30)
    assert not follower.is_alive()
    assert received == ["first", "second"]
