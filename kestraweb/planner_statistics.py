"""Statistics for the database's query planner, kept fresh on SQLite.

SQLite keeps none unless ANALYZE writes them (sqlite_stat1). Without them its planner
guesses how selective each index is, and over a million log lines a wrong guess costs
seconds: the logs page filtered by namespace, flow and level sorted every line of the
flow (2.4 s) where, with statistics, it reads the newest lines from an index (2 ms).
So the server writes them when it starts and its scheduler every
PLANNER_STATISTICS_SECONDS (the tables grow as it runs), and a bulk load (a benchmark's
dataset) right after loading. `analysis_limit` bounds the rows ANALYZE reads per index:
an approximation, all a planner needs, in milliseconds whatever the size.

PostgreSQL's autovacuum analyzes a table as it changes; only a bulk load queried at
once asks for ANALYZE itself (`refresh(everywhere=True)`)."""
from __future__ import annotations

import time

from django.conf import settings
from django.db import connection

SQLITE_ANALYSIS_LIMIT = 1000  # rows read per index: SQLite's documented suggestion is 100 to 1000


def refresh(everywhere: bool = False) -> None:
    """Write fresh statistics: on SQLite, and with `everywhere` on PostgreSQL too."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
        elif everywhere:
            cursor.execute("ANALYZE")


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
