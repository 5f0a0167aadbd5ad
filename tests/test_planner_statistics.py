"""SQLite's planner statistics are written by ANALYZE when the server starts and by the
scheduler's loop when due (kestraweb.planner_statistics); PostgreSQL's autovacuum does
its own, unless a bulk load asks."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from executions.models import LogEntry
from kestraweb import planner_statistics

from .api.factories import BASE

pytestmark = pytest.mark.django_db


def analyzed_tables() -> set[str]:
    """Tables SQLite holds statistics for (none before the first ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchone():
            return set()
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {name for (name,) in cursor.fetchall()}


@pytest.fixture
def no_statistics():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's autovacuum analyzes")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")
    for n in range(3):
        LogEntry.objects.create(execution_id="e1", namespace="company", flow_id="hello", level="INFO",
                                timestamp=BASE + timedelta(seconds=n), message=f"line {n}")


def test_refresh_writes_statistics_of_the_log_table(no_statistics):
    planner_statistics.refresh()
    assert "executions_logentry" in analyzed_tables()


def test_a_table_is_analyzed_again_once_it_grew_by_a_quarter(no_statistics):
    assert "executions_logentry" in planner_statistics.refresh()
    assert "executions_logentry" not in planner_statistics.refresh()
    LogEntry.objects.create(execution_id="e1", namespace="company", flow_id="hello", level="INFO",
                            timestamp=BASE, message="one more of three")
    assert "executions_logentry" in planner_statistics.refresh()


def test_the_loop_refreshes_only_when_due(no_statistics, settings):
    every = planner_statistics.Every()
    assert not every.tick()
    assert analyzed_tables() == set()
    settings.PLANNER_STATISTICS_SECONDS = 0
    assert every.tick()
    assert "executions_logentry" in analyzed_tables()


@pytest.mark.django_db(transaction=True)  # the command closes its connection between rounds
def test_the_scheduler_refreshes_them(no_statistics, settings):
    settings.PLANNER_STATISTICS_SECONDS = 0
    call_command("scheduler", "--once")
    assert "executions_logentry" in analyzed_tables()


def test_postgresql_is_analyzed_only_when_asked(settings):
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL case")
    planner_statistics.refresh()  # nothing to do: autovacuum's job
    planner_statistics.refresh(everywhere=True)  # a bulk load's ANALYZE runs inside a transaction too
