"""Kestra's plugin-jdbc-sqlite: the SQLite dialect (the standard library's sqlite3)
and its Trigger. SQLite keeps dates as text or numbers, and sqlite3 does not say
which type a column was declared with, so they come back as stored (Kestra's
SqliteCellConverter reads DATE, TIME and DATETIME columns as dates)."""
from __future__ import annotations

from typing import Any

from plugins.api.registry import register

from . import examples
from .dialect import Dialect
from .errors import JdbcError
from .query import QUERIES_PROPERTIES, QUERY_PROPERTIES, JdbcQueries, JdbcQuery
from .trigger import TRIGGER_PROPERTIES, JdbcTrigger
from .url import JdbcUrl


class SqliteDialect(Dialect):
    scheme = "sqlite"
    driver = "sqlite3"
    placeholder = "?"

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict[str, Any]) -> Any:
        sqlite3 = self.load_driver()
        try:
            return sqlite3.connect(url.path, timeout=10)
        except sqlite3.OperationalError as exc:
            raise JdbcError(f"cannot open SQLite database {url.path}: {exc}") from None

    def autocommit(self, connection: Any) -> None:
        connection.isolation_level = None  # sqlite3 then opens no transaction of its own

    def cancel(self, connection: Any) -> None:
        """sqlite3's interrupt(): the running statement stops with 'interrupted'."""
        connection.interrupt()


@register
class Trigger(JdbcTrigger):
    type = "io.kestra.plugin.jdbc.sqlite.Trigger"
    title = "Wait for query results on SQLite and start an execution."
    dialect = SqliteDialect()
    properties = TRIGGER_PROPERTIES


@register
class Query(JdbcQuery):
    type = "io.kestra.plugin.jdbc.sqlite.Query"
    title = "Run a SQL query on SQLite."
    dialect = SqliteDialect()
    properties = QUERY_PROPERTIES


@register
class Queries(JdbcQueries):
    type = "io.kestra.plugin.jdbc.sqlite.Queries"
    title = "Run several SQL statements on SQLite."
    examples = examples.SQLITE_QUERIES
    dialect = SqliteDialect()
    properties = QUERIES_PROPERTIES
