"""Kestra's plugin-jdbc-mysql and plugin-jdbc-mariadb: the MySQL dialect (PyMySQL, for
MySQL and MariaDB alike) and their Triggers. Cells as MysqlCellConverter gives them:
a TIME as a LocalTime, a DATETIME as a LocalDateTime, a TIMESTAMP as an Instant read
as UTC."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from plugins.api.registry import register

from . import cells
from .dialect import Dialect
from .errors import JdbcError
from .trigger import TRIGGER_PROPERTIES, JdbcTrigger

# PyMySQL's FIELD_TYPE codes of the columns Kestra reads its own way.
TIMESTAMP, TIME = 7, 11


class MysqlDialect(Dialect):
    scheme = "mysql"
    driver = "pymysql"

    def connect(self, url, username, password, options):
        pymysql = self.load_driver()
        try:
            return pymysql.connect(host=url.host, port=url.port or 3306, database=url.database,
                                   user=username or url.username or "", password=password or url.password or "",
                                   connect_timeout=10, charset="utf8mb4")
        except pymysql.err.OperationalError as exc:
            raise JdbcError(f"cannot connect to {self.scheme} at {url.host}:{url.port or 3306}: {exc}",
                            retryable=True) from None

    def column_types(self, connection, cursor) -> list[str]:
        return [{TIMESTAMP: "timestamp", TIME: "time"}.get(column[1], "") for column in cursor.description]

    def convert(self, value, column, type_name, zone):
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
