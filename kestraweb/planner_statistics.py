"""Statistics for the database's query planner, kept fresh on SQLite.

SQLite keeps none unless ANALYZE writes them (sqlite_stat1). Without them its planner
guesses how selective each index is, and over a million log lines a wrong guess costs
seconds: the logs page filtered by namespace, flow and level sorted every line of the
flow (2.4 s) where, with statistics, it reads the newest lines from an index (2 ms).
So the server writes them when it starts, its scheduler every
PLANNER_STATISTICS_SECONDS (the tables grow as it runs), and a bulk load (a benchmark's
dataset) right after loading.

ANALYZE reads every row (about a second per million log lines) and holds the write lock
meanwhile, so a table is analyzed again only once its size moved by a quarter since its
last statistics: as PRAGMA optimize does, with a rule that does not depend on what the
calling connection queried before (SQLite before 3.46 looks only at that). A sampled
ANALYZE (`analysis_limit`) is no cheaper shortcut: it reads the first rows of each
index only, and a key holding most of a table looks selective.

PostgreSQL's autovacuum analyzes a table as it changes; only a bulk load queried at
once asks for ANALYZE itself (`refresh(everywhere=True)`)."""
from __future__ import annotations

import time

from django.conf import settings
from django.db import connection

DRIFT = 0.25  # a table is analyzed again once its row count moved by this share


def _analyzed(cursor) -> tuple[dict[str, int], set[str]]:
    """The row count of each table as its last statistics saw it, and the indexes they cover."""
    cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if not cursor.fetchone():
        return {}, set()
    cursor.execute("SELECT tbl, idx, CAST(stat AS INTEGER) FROM sqlite_stat1")
    counts: dict[str, int] = {}
    indexes = set()
    for table, index, count in cursor.fetchall():
        counts[table] = max(count, counts.get(table, 0))
        indexes.add(index)
    return counts, indexes


def _stale_tables(cursor) -> list[str]:
    """Tables whose size moved by DRIFT since their statistics, or with an index they lack
    (one a migration just added)."""
    seen, analyzed_indexes = _analyzed(cursor)
    cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND tbl_name NOT LIKE 'sqlite_%'")
    unanalyzed = {table for table, index in cursor.fetchall() if index not in analyzed_indexes}
    stale = []
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                   "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")  # a virtual table (FTS5) has no statistics of its own
    for (table,) in cursor.fetchall():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        count = cursor.fetchone()[0]
        before = seen.get(table)
        if count and (before is None or table in unanalyzed or abs(count - before) > DRIFT * before):
            stale.append(table)
    return stale


def refresh(everywhere: bool = False) -> list[str]:
    """Write fresh statistics where stale (SQLite), and with `everywhere` on PostgreSQL
    too (every table). The tables analyzed on SQLite."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            stale = _stale_tables(cursor)
            for table in stale:  # one statement a table: the write lock is held for one table at a time
                cursor.execute(f'ANALYZE "{table}"')
            return stale
        if everywhere:
            cursor.execute("ANALYZE")
    return []


class Every:
    """Refreshes at most once per PLANNER_STATISTICS_SECONDS, asked from a loop."""

    def __init__(self):
        self.last = time.monotonic()  # the server refreshed them as it started

    def tick(self) -> bool:
        """Refresh when due; True when it did."""
        if time.monotonic() - self.last < settings.PLANNER_STATISTICS_SECONDS:
            return False
        refresh()
        self.last = time.monotonic()
        return True
