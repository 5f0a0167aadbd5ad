"""What differs from one database to the next: its driver, how it is connected to,
how it marks a bound parameter and what its driver's values are in Java's terms.
Each database's module declares one; nothing here imports a driver."""
from __future__ import annotations

import importlib

from . import cells
from .errors import DriverMissing
from .url import JdbcUrl


class Dialect:
    scheme: str = ""  # as in jdbc:<scheme>:...
    driver: str = ""  # the Python module
    placeholder: str = "%s"

    def load_driver(self):
        try:
            return importlib.import_module(self.driver)
        except ImportError as exc:
            raise DriverMissing(f"the {self.scheme} driver ({self.driver}) is not installed: {exc}") from None

    def connect(self, url: JdbcUrl, username: str | None, password: str | None, options: dict):
        """A DB-API connection; raises JdbcError(retryable=True) when the server does not answer."""
        raise NotImplementedError

    def column_types(self, connection, cursor) -> list[str]:
        """The lowercased type name of each column of the cursor's result."""
        return ["" for _ in cursor.description or ()]

    def convert(self, value, column: str, type_name: str, zone):
        return cells.convert(value, column, type_name, zone)
