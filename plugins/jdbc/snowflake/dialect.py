"""The Snowflake dialect of the shared JDBC base: the connector's connection, `%s`
placeholders (the connector's pyformat binding), and a cancel that sends the
connector's own abort request for the running statement."""
from __future__ import annotations

import uuid
from typing import Any

from ..dialect import Dialect
from ..errors import JdbcError
from ..url import JdbcUrl
from .connection import connect_arguments

# Set on a connection while one of its statements runs: its text and request id,
# which the server's abort request names.
RUNNING = "_kestraweb_running"


class SnowflakeDialect(Dialect):
    scheme = "snowflake"
    driver = "snowflake.connector"

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict[str, Any]) -> Any:
        connector = self.load_driver()
        arguments = connect_arguments(url, username, password, options)
        try:
            return connector.connect(**arguments)
        except connector.errors.ProgrammingError as exc:  # refused: wrong user, password, key or account
            raise JdbcError(f"Snowflake refused the connection to {arguments['host']}: {exc}") from None
        except (connector.errors.DatabaseError, connector.errors.OperationalError) as exc:
            raise JdbcError(f"cannot connect to Snowflake at {arguments['host']}:{arguments['port']}: {exc}",
                            retryable=True) from None

    def execute(self, connection: Any, cursor: Any, statement: str, values: list[Any]) -> None:
        request_id = str(uuid.uuid4())
        setattr(connection, RUNNING, (statement, request_id))
        try:
            cursor.execute(statement, values or None, _statement_params={"requestId": request_id})
        finally:
            setattr(connection, RUNNING, None)

    def autocommit(self, connection: Any) -> None:
        """Snowflake's session follows the `autoCommit` property, set when connecting."""

    def has_result(self, cursor: Any) -> bool:
        """An INSERT, UPDATE, DELETE or MERGE answers a row of counts ("number of rows
        inserted"...), which the JDBC driver gives as an update count, not rows."""
        columns = cursor.description
        return bool(columns) and not all(str(column[0]).startswith("number of ") for column in columns)

    def cancel(self, connection: Any) -> None:
        """What the connector does when a statement passes its own timeout: an abort
        request naming the statement and its request id."""
        running = getattr(connection, RUNNING, None)
        if running is not None:
            statement, request_id = running
            connection._cancel_query(statement, uuid.UUID(request_id))
