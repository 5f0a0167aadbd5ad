"""Kestra's plugin-jdbc-mysql and plugin-jdbc-mariadb: the MySQL dialect (PyMySQL, for
MySQL and MariaDB alike) and their Triggers. Cells as MysqlCellConverter gives them:
a TIME as a LocalTime, a DATETIME as a LocalDateTime, a TIMESTAMP as an Instant read
as UTC."""
from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Any

from plugins.api.properties import Property
from plugins.api.registry import register

from . import cells, examples
from .dialect import Dialect
from .errors import JdbcError
from .query import QUERIES_PROPERTIES, QUERY_PROPERTIES, JdbcQueries, JdbcQuery
from .trigger import TRIGGER_PROPERTIES, JdbcTrigger
from .url import JdbcUrl

# PyMySQL's FIELD_TYPE codes of the columns Kestra reads its own way.
TIMESTAMP, TIME = 7, 11


class MysqlDialect(Dialect):
    scheme = "mysql"
    driver = "pymysql"

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict[str, Any]) -> Any:
        pymysql = self.load_driver()
        try:
            return pymysql.connect(host=url.host, port=url.port or 3306, database=url.database,
                                   user=username or url.username or "", password=password or url.password or "",
                                   connect_timeout=10, charset="utf8mb4",
                                   local_infile=bool(options.get("local_infile")))
        except pymysql.err.OperationalError as exc:
            raise JdbcError(f"cannot connect to {self.scheme} at {url.host}:{url.port or 3306}: {exc}",
                            retryable=True) from None

    def autocommit(self, connection: Any) -> None:
        connection.autocommit(True)

    def cancel(self, connection: Any) -> None:
        """What Connector/J's Statement#cancel does: KILL QUERY from a second connection
        (MySQL then ends a SLEEP early with no error: the task checks for the kill)."""
        pymysql = self.load_driver()
        killer = pymysql.connect(host=connection.host, port=connection.port, user=connection.user,
                                 password=connection.password, connect_timeout=10)
        try:
            with killer.cursor() as cursor:
                cursor.execute(f"KILL QUERY {int(connection.thread_id())}")
        finally:
            killer.close()

    def column_types(self, connection: Any, cursor: Any) -> list[str]:
        return [{TIMESTAMP: "timestamp", TIME: "time"}.get(column[1], "") for column in cursor.description]

    def convert(self, value: Any, column: str, type_name: str, zone: Any) -> Any:
        if type_name == "time" and isinstance(value, timedelta):
            return (datetime.min + value).time() if timedelta(0) <= value < timedelta(days=1) else str(value)
        if type_name == "timestamp" and isinstance(value, datetime):
            return cells.Instant.of(value.replace(tzinfo=UTC))
        if isinstance(value, time):
            return value
        return cells.convert(value, column, type_name, zone)


class MariadbDialect(MysqlDialect):
    scheme = "mariadb"


@register
class Trigger(JdbcTrigger):
    type = "io.kestra.plugin.jdbc.mysql.Trigger"
    title = "Wait for query results on MySQL and start an execution."
    dialect = MysqlDialect()
    properties = TRIGGER_PROPERTIES


@register
class MariadbTrigger(JdbcTrigger):
    type = "io.kestra.plugin.jdbc.mariadb.Trigger"
    title = "Wait for query results on MariaDB and start an execution."
    dialect = MariadbDialect()
    properties = TRIGGER_PROPERTIES


@register
class Query(JdbcQuery):
    """Kestra's mysql.Query: with `inputFile`, the file is copied into the working
    directory, its local path is the variable `inputFile` of `sql`, and the connection
    allows LOAD DATA LOCAL INFILE (only then: the client would otherwise send any local
    file a server asks for)."""

    type = "io.kestra.plugin.jdbc.mysql.Query"
    title = "Run a SQL query on MySQL."
    examples = examples.MYSQL_QUERY
    dialect = MysqlDialect()
    properties = (*QUERY_PROPERTIES,
                  Property("inputFile", description="A kestra:// URI copied to a local file whose path is the "
                                                    "variable `inputFile` of `sql` (for LOAD DATA LOCAL INFILE)."))

    def driver_options(self) -> dict[str, Any]:
        return {"local_infile": True} if self.get("inputFile") is not None else {}

    def sql_variables(self, ctx: Any) -> dict[str, Any] | None:
        if self.get("inputFile") is None:
            return None
        uri = str(ctx.render(self.get("inputFile")))
        suffix = PurePosixPath(uri).suffix
        # Streamed, never read whole: LOAD DATA files are often large.
        with ctx.open_file(uri) as source, tempfile.NamedTemporaryFile(
                "wb", dir=ctx.working_dir(), prefix="inputFile-", suffix=suffix, delete=False) as local:
            shutil.copyfileobj(source, local, 1 << 16)
        return {"inputFile": local.name}


@register
class Queries(JdbcQueries):
    type = "io.kestra.plugin.jdbc.mysql.Queries"
    title = "Run several SQL statements on MySQL."
    dialect = MysqlDialect()
    properties = QUERIES_PROPERTIES


@register
class MariadbQuery(JdbcQuery):
    type = "io.kestra.plugin.jdbc.mariadb.Query"
    title = "Run a SQL query on MariaDB."
    examples = examples.MARIADB_QUERY
    dialect = MariadbDialect()
    properties = QUERY_PROPERTIES


@register
class MariadbQueries(JdbcQueries):
    type = "io.kestra.plugin.jdbc.mariadb.Queries"
    title = "Run several SQL statements on MariaDB."
    dialect = MariadbDialect()
    properties = QUERIES_PROPERTIES
