"""Wake-up calls over PostgreSQL's LISTEN/NOTIFY: a step queued on any machine wakes
the ORM broker's pushers of every machine on the same database.

The NOTIFY is sent on the connection that queued the task, so PostgreSQL delivers it
when the task's row is committed, never before. The pusher listens on a connection of
its own; while that connection is down it is reopened at most every RECONNECT_AFTER
seconds, and the poll finds the tasks meanwhile."""
from __future__ import annotations

import time

import psycopg
from psycopg import sql

RECONNECT_AFTER = 5.0


def channel_for(list_key: str) -> str:
    return f"kestraweb_q_{list_key}"[:63]  # PostgreSQL's identifier length


def notify(connection, channel: str) -> None:
    """Queue the call on a Django connection: sent once its transaction commits."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, '')", [channel])


class PostgresListen:
    """A wakeup.Source: LISTEN on `channel`, on a connection of its own."""

    def __init__(self, settings_dict: dict, channel: str):
        self.settings_dict, self.channel = settings_dict, channel
        self.conn: psycopg.Connection | None = None
        self.down_since: float | None = None

    def _connect(self) -> None:
        s = self.settings_dict
        params = {"dbname": s["NAME"], "user": s.get("USER") or None, "password": s.get("PASSWORD") or None,
                  "host": s.get("HOST") or None, "port": s.get("PORT") or None, **s.get("OPTIONS", {})}
        params = {key: value for key, value in params.items() if value is not None and key in ALLOWED_PARAMS}
        try:
            self.conn = psycopg.connect(autocommit=True, **params)
            self.conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
            self.down_since = None
        except psycopg.Error:
            self.close()
            self.down_since = time.monotonic()

    def fileno(self) -> int | None:
        if self.conn is None and (self.down_since is None or time.monotonic() - self.down_since > RECONNECT_AFTER):
            self._connect()
        return None if self.conn is None else self.conn.fileno()

    def drain(self) -> None:
        try:
            for _ in self.conn.notifies(timeout=0):
                pass
        except psycopg.Error:  # the server went away: the poll stands in until it is back
            self.close()
            self.down_since = time.monotonic()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


# Connection options of a DATABASES entry psycopg.connect takes as such.
ALLOWED_PARAMS = {"dbname", "user", "password", "host", "port", "sslmode", "sslrootcert", "sslcert", "sslkey",
                  "connect_timeout", "application_name", "options", "target_session_attrs"}
