"""The logs text search (`q`) finds the text anywhere in a message, ignoring case, with
`%`, `_` and quotes meaning themselves, through the index of executions.log_search
(SQLite's FTS5 trigram table, PostgreSQL's pg_trgm index); the API and the logs page
answer alike, and a line deleted or purged is no longer found."""
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.db import connection

from executions import log_search
from executions.models import LogEntry
from executions.purge import purge_logs
from plugins.api.context import PurgeFilter

from ..factories import BASE

pytestmark = pytest.mark.django_db

MESSAGES = [
    "Hello World from the flow",
    "disk 100% full",
    "disk 100 full",
    "a_b snake case",
    "axb no underscore",
    'he said "done" twice',
    "it's over",
    "Grüße aus KÖLN",
    "plain line",
]


@pytest.fixture
def lines():
    for n, message in enumerate(MESSAGES):
        LogEntry.objects.create(execution_id=f"e{n}", namespace="company", flow_id="hello", level="INFO",
                                timestamp=BASE + timedelta(seconds=n), message=message)


def api(client, text: str) -> list[str]:
    response = client.get(f"/api/v1/main/logs/search?size=50&q={quote(text)}")
    assert response.status_code == 200, response.content
    return sorted(row["message"] for row in response.json()["results"])


def page(client, text: str) -> list[str]:
    response = client.get(f"/ui/logs?minLevel=TRACE&range=all&q={quote(text)}")
    assert response.status_code == 200, response.content[:500]
    return sorted(line.message for line in response.context["window"].rows)


@pytest.mark.parametrize(("text", "found"), [
    ("world", ["Hello World from the flow"]),  # inside a message, another case
    ("O WORLD FR", ["Hello World from the flow"]),  # across words
    ("100%", ["disk 100% full"]),  # % is a character, not a wildcard
    ("0% f", ["disk 100% full"]),
    ("a_b", ["a_b snake case"]),  # _ is a character, not any character
    ('"done"', ['he said "done" twice']),  # quotes are text, not query syntax
    ("it's", ["it's over"]),
    ("köln", ["Grüße aus KÖLN"]),  # case folded beyond ASCII
    ("AND", []),  # words of a query language are text too
    ("nowhere to be found", []),
])
def test_it_finds_the_text_anywhere_ignoring_case(client, admin_client, lines, text, found):
    assert api(client, text) == found
    assert page(admin_client, text) == found


def test_a_text_shorter_than_a_trigram_is_still_found(client, admin_client, lines):
    assert api(client, "%") == ["disk 100% full"]
    assert page(admin_client, "_b") == ["a_b snake case"]
    assert api(client, "LD") == ["Hello World from the flow"]


def test_the_query_filter_searches_alike(client, lines):
    response = client.get("/api/v1/main/logs/search?filters[q][CONTAINS]=DISK%20100")
    assert sorted(row["message"] for row in response.json()["results"]) == ["disk 100 full", "disk 100% full"]


def test_a_changed_message_is_found_by_its_new_text(client, lines):
    LogEntry.objects.filter(message="plain line").update(message="rewritten entry")
    assert api(client, "plain line") == []
    assert api(client, "rewritten") == ["rewritten entry"]


def test_deleted_and_purged_lines_are_no_longer_found(client, lines):
    LogEntry.objects.filter(execution_id="e0").delete()
    assert api(client, "hello world") == []
    purge_logs(PurgeFilter(end_date=BASE + timedelta(days=1), namespace="company"))
    assert api(client, "disk") == []
    LogEntry.objects.create(execution_id="e9", namespace="company", flow_id="hello", level="INFO",
                            timestamp=BASE, message="disk logged again")
    assert api(client, "disk") == ["disk logged again"]


def test_the_search_is_served_by_an_index(lines):
    """The migration built it (and its triggers, on SQLite), so the query plan uses it."""
    rows = LogEntry.objects.filter(log_search.message_contains("hello world")).order_by()
    with connection.cursor() as cursor:
        sql, params = rows.query.sql_with_params()
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan and log_search.TEXT_TABLE in plan, plan
        else:
            cursor.execute("SET enable_seqscan = off")  # a handful of rows: only an index could be chosen
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
            assert log_search.PG_INDEX in plan, plan
