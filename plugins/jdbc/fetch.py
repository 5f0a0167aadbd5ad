"""Running statements and fetching their rows the way `fetchType` asks, as Kestra's
AbstractJdbcBaseQuery does: FETCH_ONE keeps the first row, FETCH all rows, STORE
writes them to an Ion file in internal storage (one value a line, as FileSerde
writes), NONE keeps nothing. Shared by the Query and Queries tasks and the Triggers
of every database."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from expressions.ion import to_ion

from .cells import jsonable
from .dialect import Dialect
from .errors import JdbcError
from .sql_text import bind_named

FETCH_TYPES = ("FETCH_ONE", "FETCH", "STORE", "NONE")
DEFAULT_FETCH_SIZE = 10000


class RowFile(Protocol):
    """Where STORE writes: ctx.new_file's handle (plugins.api.files.NewFile), or a local
    file put in storage afterwards; `uri` is known once its block ends."""

    def write(self, data: bytes) -> int: ...

    @property
    def uri(self) -> str: ...


OpenStore = Callable[[], AbstractContextManager[RowFile]]


def fetch_type_of(plugin: Any, rendered: Any) -> str:
    """Kestra's renderFetchType: the deprecated `fetch`, `fetchOne` and `store` flags
    win, in that order, over `fetchType`."""
    for flag, fetch_type in (("fetch", "FETCH"), ("fetchOne", "FETCH_ONE"), ("store", "STORE")):
        if str(plugin.spec.get(flag)).lower() == "true":
            return fetch_type
    value = str(rendered).strip().upper() if rendered is not None else "NONE"
    if value not in FETCH_TYPES:
        raise JdbcError(f"fetchType must be one of {', '.join(FETCH_TYPES)}, not '{rendered}'")
    return value


@dataclass
class QueryOutput:
    """AbstractJdbcBaseQuery.Output: `row`, `rows` or `uri`, and `size` (left out with
    fetchType NONE, as Kestra leaves it null)."""
    size: int | None = None
    row: dict[str, Any] | None = None
    rows: list[dict[str, Any]] | None = None
    uri: str | None = None

    def variables(self) -> dict[str, Any]:
        """As Kestra's outputs are written: values Jackson can write, nulls left out."""
        values = {"row": jsonable(self.row) if self.row is not None else None,
                  "rows": jsonable(self.rows) if self.rows is not None else None,
                  "uri": self.uri, "size": self.size}
        return {key: value for key, value in values.items() if value is not None}


class LocalThenStored:
    """A RowFile for callers without ctx.new_file (a trigger's evaluation): written in
    the working folder, then put in storage when closed."""

    def __init__(self, path: Path, put_file: Callable[[Path], str]) -> None:
        self._path, self._put_file = path, put_file
        self._file = open(path, "wb")  # noqa: SIM115 - closed by `stored_locally`
        self._uri: str | None = None

    def write(self, data: bytes) -> int:
        return self._file.write(data)

    @property
    def uri(self) -> str:
        if self._uri is None:
            raise JdbcError("the stored rows' URI is known once the file is closed")
        return self._uri

    def finish(self) -> None:
        self._file.close()
        self._uri = self._put_file(self._path)

    def discard(self) -> None:
        self._file.close()
        self._path.unlink(missing_ok=True)


def stored_locally(working_dir: Path, put_file: Callable[[Path], str]) -> OpenStore:
    @contextmanager
    def open_store() -> Iterator[RowFile]:
        target = LocalThenStored(Path(working_dir) / "result.ion", put_file)
        try:
            yield target
        except BaseException:
            target.discard()
            raise
        target.finish()
    return open_store


def execute(dialect: Dialect, connection: Any, cursor: Any, sql: str, parameters: Mapping[str, Any] | None) -> None:
    """Run one statement, its `:name` parameters bound by the driver."""
    statement, values = bind_named(sql, parameters, dialect.placeholder)
    dialect.execute(connection, cursor, statement, values)


def fetch(dialect: Dialect, connection: Any, cursor: Any, fetch_type: str, zone: Any,
          open_store: OpenStore | None, fetch_size: int = DEFAULT_FETCH_SIZE) -> QueryOutput | None:
    """The result of the statement the cursor just ran, as `fetch_type` asks; None when
    the statement gives no result set (an INSERT, a CREATE)."""
    if not dialect.has_result(cursor):
        return None
    if fetch_type == "NONE":
        return QueryOutput()
    names = [column[0] for column in cursor.description]
    types = dialect.column_types(connection, cursor)

    def row_of(values: Any) -> dict[str, Any]:
        return {name: dialect.convert(value, name, type_name, zone)
                for name, type_name, value in zip(names, types, values, strict=True)}

    if fetch_type == "FETCH_ONE":
        first = cursor.fetchone()
        return QueryOutput(size=0) if first is None else QueryOutput(size=1, row=row_of(first))
    if fetch_type == "FETCH":
        rows = [row_of(values) for values in cursor.fetchall()]
        return QueryOutput(size=len(rows), rows=rows)
    if open_store is None:
        raise JdbcError("fetchType STORE needs internal storage, which this caller does not give")
    size = 0
    with open_store() as file:
        for batch in iter(lambda: cursor.fetchmany(max(1, fetch_size)), []):
            file.write("".join(to_ion(row_of(values)) + "\n" for values in batch).encode("utf-8"))
            size += len(batch)
    return QueryOutput(size=size, uri=file.uri)


def run_query(dialect: Dialect, connection: Any, sql: str, fetch_type: str, zone: Any, *,
              parameters: Mapping[str, Any] | None = None, after_sql: str | None = None,
              open_store: OpenStore | None = None, fetch_size: int = DEFAULT_FETCH_SIZE) -> QueryOutput:
    """Run `sql` on an open connection and fetch as `fetch_type` says, then `afterSQL`
    in the same transaction; commit, or roll back on error."""
    cursor = connection.cursor()
    try:
        execute(dialect, connection, cursor, sql, parameters)
        output = fetch(dialect, connection, cursor, fetch_type, zone, open_store, fetch_size) or QueryOutput()
        if after_sql and after_sql.strip():
            execute(dialect, connection, cursor, after_sql, parameters)
        connection.commit()
        return output
    except BaseException:
        dialect.rollback(connection)
        raise
    finally:
        cursor.close()
