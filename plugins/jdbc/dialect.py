"""What differs from one database to the next: its driver, how it is connected to,
how it marks a bound parameter, how a running statement is cancelled and what its
driver's values are in Java's terms. Each database's module declares one; nothing
here imports a driver."""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from . import cells
from .errors import DriverMissing
from .url import JdbcUrl


class Dialect:
    scheme: str = ""  # as in jdbc:<scheme>:...
    driver: str = ""  # the Python module
    placeholder: str = "%s"
    # The name Kestra's types use in their package (io.kestra.plugin.jdbc.<package>).
    label: str = ""

    def load_driver(self) -> ModuleType:
        try:
            return importlib.import_module(self.driver)
        except ImportError as exc:
            raise DriverMissing(f"the {self.scheme} driver ({self.driver}) is not installed: {exc}") from None

    def driver_error(self) -> type[Exception]:
        """The base class of the driver's errors (DB-API's Error)."""
        error: type[Exception] = self.load_driver().Error
        return error

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict[str, Any]) -> Any:
        """A DB-API connection; raises JdbcError(retryable=True) when the server does not answer."""
        raise NotImplementedError

    def column_types(self, connection: Any, cursor: Any) -> list[str]:
        """The lowercased type name of each column of the cursor's result."""
        return ["" for _ in cursor.description or ()]

    def convert(self, value: Any, column: str, type_name: str, zone: Any) -> Any:
        return cells.convert(value, column, type_name, zone)

    def execute(self, connection: Any, cursor: Any, statement: str, values: list[Any]) -> None:
        """Run one statement with its bound values (none: the SQL as written)."""
        if values:
            cursor.execute(statement, values)
        else:
            cursor.execute(statement)

    def has_result(self, cursor: Any) -> bool:
        """Whether the statement just run gives rows (JDBC's execute() returning true)."""
        return cursor.description is not None

    def cancel(self, connection: Any) -> None:
        """Stop the statement running on `connection`, from another thread (a kill or a
        timeout of the task, as Kestra's kill() calls Statement#cancel)."""
        connection.close()

    def autocommit(self, connection: Any) -> None:
        """Commit each statement as it ends (JDBC's setAutoCommit(true)), so statements
        that refuse a transaction block (CREATE DATABASE, VACUUM) run."""
        connection.autocommit = True

    def commit(self, connection: Any) -> None:
        connection.commit()

    def rollback(self, connection: Any) -> None:
        """Roll back after a failure; a connection the failure (or a cancel) broke has
        nothing left to roll back, and the first error is the one to report."""
        try:
            connection.rollback()
        except self.driver_error():
            pass
