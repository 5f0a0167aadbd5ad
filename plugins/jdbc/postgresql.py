"""Kestra's plugin-jdbc-postgres: the PostgreSQL dialect (psycopg) and its Trigger,
`io.kestra.plugin.jdbc.postgresql.Trigger`. Cells as PostgresCellConverter gives them:
timestamps with a zone moved to the `timeZoneId`, times with a zone read there too,
intervals as `P{y}Y{m}M{d}DT{h}H{m}M{s}S`, json as maps, arrays as lists."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from plugins.api.properties import Property
from plugins.api.registry import register

from . import cells, examples
from .dialect import Dialect
from .errors import JdbcError
from .query import QUERIES_PROPERTIES, QUERY_PROPERTIES, JdbcQueries, JdbcQuery
from .trigger import TRIGGER_PROPERTIES, JdbcTrigger
from .url import JdbcUrl

SSL_MODES = ("DISABLE", "ALLOW", "PREFER", "REQUIRE", "VERIFY_CA", "VERIFY_FULL")
SSL_PROPERTIES = (
    Property("ssl", "boolean", default=False, description="Connect with SSL."),
    Property("sslMode", "enum", values=SSL_MODES, description="The SSL mode."),
    Property("sslRootCert", description="The SSL root certificate, PEM encoded."),
    Property("sslCert", description="The SSL client certificate, PEM encoded."),
    Property("sslKey", description="The SSL client key, PEM encoded."),
    Property("sslKeyPassword", description="The SSL client key's password."),
)
# PostgreSQL's own interval text (IntervalStyle postgres): `1 year 2 mons 3 days 04:05:06.5`.
INTERVAL_PART = re.compile(r"(-?\d+) (year|mon|day)s?")
INTERVAL_CLOCK = re.compile(r"(-)?(\d+):(\d+):(\d+)(?:\.\d+)?")


def interval_text(text: str) -> str:
    """PostgresCellConverter#getISO8601Interval: every field written, seconds whole."""
    fields = {"year": 0, "mon": 0, "day": 0}
    for amount, unit in INTERVAL_PART.findall(text):
        fields[unit] = int(amount)
    hours = minutes = seconds = 0
    clock = INTERVAL_CLOCK.search(text)
    if clock:
        sign = -1 if clock.group(1) else 1
        hours, minutes, seconds = (sign * int(clock.group(i)) for i in (2, 3, 4))
    return f"P{fields['year']}Y{fields['mon']}M{fields['day']}DT{hours}H{minutes}M{seconds}S"


class PostgresDialect(Dialect):
    scheme = "postgresql"
    driver = "psycopg"

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict[str, Any]) -> Any:
        psycopg = self.load_driver()
        params = {"host": url.host, "port": url.port or 5432, "dbname": url.database,
                  "user": username or url.username, "password": password or url.password,
                  "connect_timeout": 10}
        ssl_mode = options.get("sslMode")
        if ssl_mode:
            params["sslmode"] = str(ssl_mode).lower().replace("_", "-")
        elif str(options.get("ssl")).lower() == "true":
            params["sslmode"] = "require"
        try:
            connection = psycopg.connect(**{k: v for k, v in params.items() if v is not None})
        except psycopg.OperationalError as exc:
            raise JdbcError(f"cannot connect to PostgreSQL at {url.host}:{params['port']}: {exc}".strip(),
                            retryable=True) from None
        from psycopg.types.string import TextLoader
        connection.adapters.register_loader("interval", TextLoader)  # keep years and months apart
        return connection

    def cancel(self, connection: Any) -> None:
        """PgConnection#cancelQuery: a cancel request on its own socket."""
        connection.cancel_safe(timeout=10)

    def column_types(self, connection: Any, cursor: Any) -> list[str]:
        names = []
        for column in cursor.description:
            info = connection.adapters.types.get(column.type_code)
            names.append(info.name if info is not None else "")
        return names

    def convert(self, value: Any, column: str, type_name: str, zone: Any) -> Any:
        if value is None:
            return None
        if type_name == "interval":
            return interval_text(value)
        if type_name == "timetz" and isinstance(value, time):
            moment = datetime.combine(date(1970, 1, 1), value)  # Kestra's FIXME too: 1970-01-01's offset
            return moment.astimezone(zone).time().replace(tzinfo=None)
        if type_name == "time" and isinstance(value, time):
            return value.replace(microsecond=0)  # read through java.sql.Time, whole seconds
        if isinstance(value, datetime) and value.tzinfo is not None:
            return value.astimezone(zone)
        if type_name == "void":
            return None
        return cells.convert(value, column, type_name, zone)


@register
class Trigger(JdbcTrigger):
    type = "io.kestra.plugin.jdbc.postgresql.Trigger"
    title = "Wait for query results on PostgreSQL and start an execution."
    dialect = PostgresDialect()
    connection_options = tuple(prop.name for prop in SSL_PROPERTIES)
    properties = (*TRIGGER_PROPERTIES, *SSL_PROPERTIES)


@register
class Query(JdbcQuery):
    type = "io.kestra.plugin.jdbc.postgresql.Query"
    title = "Run a SQL query on PostgreSQL."
    examples = examples.POSTGRES_QUERY
    dialect = PostgresDialect()
    connection_options = tuple(prop.name for prop in SSL_PROPERTIES)
    properties = (*QUERY_PROPERTIES, *SSL_PROPERTIES)


@register
class Queries(JdbcQueries):
    type = "io.kestra.plugin.jdbc.postgresql.Queries"
    title = "Run several SQL statements on PostgreSQL."
    examples = examples.POSTGRES_QUERIES
    dialect = PostgresDialect()
    connection_options = tuple(prop.name for prop in SSL_PROPERTIES)
    properties = (*QUERIES_PROPERTIES, *SSL_PROPERTIES)
