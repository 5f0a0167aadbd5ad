"""Migration 0011 builds the logs text index over the lines already there, and undoing
it removes the index (and on SQLite its table and triggers) cleanly."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from executions import log_search
from executions.models import LogEntry

from ..factories import BASE

BEFORE, INDEXED = "0010_execution_breakpoints", "0011_log_message_text_index"


def index_objects() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [log_search.TEXT_TABLE + "%"])
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = %s", [log_search.PG_INDEX])
        return {name for (name,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_it_indexes_the_lines_logged_before_it_and_undoes_cleanly():
    call_command("migrate", "executions", BEFORE, verbosity=0)
    try:
        assert index_objects() == set()
        LogEntry.objects.create(execution_id="e1", namespace="company", flow_id="hello", level="INFO",
                                timestamp=BASE + timedelta(seconds=1), message="Logged Before The Index")
    finally:
        call_command("migrate", "executions", verbosity=0)
    expected = ({log_search.TEXT_TABLE, *(f"{log_search.TEXT_TABLE}_{e}" for e in ("insert", "delete", "update"))}
                if connection.vendor == "sqlite" else {log_search.PG_INDEX})
    assert expected <= index_objects()
    found = LogEntry.objects.filter(log_search.message_contains("before the"))
    assert list(found.values_list("message", flat=True)) == ["Logged Before The Index"]
