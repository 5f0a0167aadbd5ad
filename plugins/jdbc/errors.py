"""What goes wrong talking to a database, said so that a caller can tell whether to
try again (the server did not answer) or not (the url, the SQL or a property is wrong)."""


class JdbcError(Exception):
    def __init__(self, message: str, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


class JdbcUrlError(JdbcError):
    """The `url` is not a JDBC url this database's driver takes."""


class DriverMissing(JdbcError):
    """The Python driver of the database is not installed."""
