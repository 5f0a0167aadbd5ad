"""Running one query and fetching its rows the way `fetchType` asks, as Kestra's
AbstractJdbcQuery#run does: FETCH_ONE keeps the first row, FETCH all rows, STORE
writes them to an Ion file in internal storage, NONE keeps nothing. `afterSQL` runs in
the same transaction, after the query."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from expressions.ion import to_ion

from .cells import jsonable
from .dialect import Dialect
from .errors import JdbcError

FETCH_TYPES = ("FETCH_ONE", "FETCH", "STORE", "NONE")
# Kestra's named parameters: `:name`, replaced by the driver's placeholder in order.
NAMED_PARAMETER = re.compile(r":(\w+)")


def fetch_type_of(plugin, rendered: str | None) -> str:
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
    """AbstractJdbcBaseQuery.Output: `row`, `rows` or `uri`, and `size`."""
    size: int = 0
    row: dict | None = None
    rows: list | None = None
    uri: str | None = None

    def variables(self) -> dict:
        """As Kestra's outputs are written: values Jackson can write, nulls left out."""
        values = {"row": jsonable(self.row) if self.row is not None else None,
                  "rows": jsonable(self.rows) if self.rows is not None else None,
                  "uri": self.uri, "size": self.size}
        return {key: value for key, value in values.items() if value is not None}


def bind_named(sql: str, parameters: dict | None, placeholder: str) -> tuple[str, list]:
    """SQL with `:name` replaced by the driver's placeholders, and the values in order;
    SQL as it is when there are no parameters (a `::text` cast stays untouched)."""
    if not parameters:
        return sql, []
    values = []

    def bound(match):
        name = match.group(1)
        if name not in parameters:
            raise JdbcError(f"the SQL names parameter ':{name}', which `parameters` does not give")
        values.append(parameters[name])
        return placeholder

    return NAMED_PARAMETER.sub(bound, sql), values


def run_query(dialect: Dialect, connection, sql: str, fetch_type: str, zone, *, parameters: dict | None = None,
              after_sql: str | None = None, store: Callable[[Path], str] | None = None,
              working_dir: Path | None = None) -> QueryOutput:
    """Run `sql` on an open connection and fetch as `fetch_type` says; commit, or roll
    back on error. `store` puts a file in internal storage and returns its URI."""
    statement, values = bind_named(sql, parameters, dialect.placeholder)
    cursor = connection.cursor()
    try:
        cursor.execute(statement, values) if values else cursor.execute(statement)
        output = _fetch(dialect, connection, cursor, fetch_type, zone, store, working_dir)
        if after_sql and after_sql.strip():
            after, after_values = bind_named(after_sql, parameters, dialect.placeholder)
            cursor.execute(after, after_values) if after_values else cursor.execute(after)
        connection.commit()
        return output
    except Exception:
        connection.rollback()
        raise
    finally:
        cursor.close()


def _fetch(dialect, connection, cursor, fetch_type, zone, store, working_dir) -> QueryOutput:
    if cursor.description is None or fetch_type == "NONE":
        return QueryOutput()
    names = [column[0] for column in cursor.description]
    types = dialect.column_types(connection, cursor)

    def row_of(values) -> dict:
        return {name: dialect.convert(value, name, type_name, zone)
                for name, type_name, value in zip(names, types, values, strict=True)}

    if fetch_type == "FETCH_ONE":
        first = cursor.fetchone()
        return QueryOutput(size=0) if first is None else QueryOutput(size=1, row=row_of(first))
    if fetch_type == "FETCH":
        rows = [row_of(values) for values in cursor.fetchall()]
        return QueryOutput(size=len(rows), rows=rows)
    if store is None or working_dir is None:
        raise JdbcError("fetchType STORE needs internal storage, which this caller does not give")
    path = Path(working_dir) / "result.ion"
    size = 0
    with open(path, "w", encoding="utf-8") as file:  # one Ion value a line, as Kestra's FileSerde writes
        for values in iter(lambda: cursor.fetchmany(1000), []):
            for row in values:
                file.write(to_ion(row_of(row)) + "\n")
                size += 1
    return QueryOutput(size=size, uri=store(path))
