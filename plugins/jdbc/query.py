"""Kestra's AbstractJdbcQuery and AbstractJdbcQueries: the Query and Queries tasks of
every database, on one base. A database's module gives its dialect and its own
connection properties; the rest (rendering, binding `parameters`, fetching as
`fetchType` says, the `fetch.size` counter, cancelling the running statement when
the task is killed or times out) is here."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

from expressions import ExpressionError
from expressions.dates import server_zone, zone
from plugins.api.context import TaskFailed
from plugins.api.properties import Output, Property
from plugins.api.task import RunnableTask
from plugins.api.typed_render import render_typed as untyped_render_typed

from .dialect import Dialect
from .errors import JdbcError
from .fetch import DEFAULT_FETCH_SIZE, FETCH_TYPES, OpenStore, QueryOutput, execute, fetch, fetch_type_of
from .sql_text import split_statements
from .url import parse_jdbc_url

# JdbcConnectionInterface and AbstractJdbcBaseQuery's properties, shared by Query and Queries.
BASE_PROPERTIES = (
    Property("url", required=True, description="The JDBC url of the database (jdbc:<database>://host:port/db)."),
    Property("username", description="The database user."),
    Property("password", description="The database user's password."),
    Property("timeZoneId", description="The time zone id dates are read in; the server's by default."),
    Property("sql", required=True, description="The SQL to run."),
    Property("parameters", "object",
             description="Values bound to the `:name` placeholders of the SQL by the driver (never pasted in)."),
    Property("fetchType", "enum", values=FETCH_TYPES, default="NONE",
             description="FETCH_ONE (output `row`), FETCH (output `rows`), STORE (an Ion file, output `uri`) or "
                         "NONE."),
    Property("fetchSize", "integer", default=DEFAULT_FETCH_SIZE, minimum=1,
             description="Rows fetched per round trip when storing."),
    Property("fetch", "boolean", default=False, dynamic=False, description="Deprecated: fetchType FETCH."),
    Property("fetchOne", "boolean", default=False, dynamic=False, description="Deprecated: fetchType FETCH_ONE."),
    Property("store", "boolean", default=False, dynamic=False, description="Deprecated: fetchType STORE."),
)
QUERY_PROPERTIES = (
    *BASE_PROPERTIES,
    Property("afterSQL", description="SQL run after the query, in the same transaction (without it, the query "
                                     "runs in auto-commit)."),
)
QUERIES_PROPERTIES = (
    *BASE_PROPERTIES,
    Property("transaction", "boolean", default=True,
             description="Run all statements in one transaction, rolled back when one fails; otherwise each is "
                         "committed as it ends."),
)
QUERY_OUTPUTS = (
    Output("row", "object", "The first row (fetchType FETCH_ONE)."),
    Output("rows", "array", "All rows (fetchType FETCH)."),
    Output("uri", "string", "The Ion file of the rows in internal storage (fetchType STORE)."),
    Output("size", "integer", "The number of rows fetched."),
)
# A lone `{{ expression }}` keeps its type (plugins.api.typed_render).
render_typed: Callable[[Any, Any], Any] = untyped_render_typed
SINGLE_STATEMENT = ("Query task support only a single SQL statement. Use the Queries task to run multiple "
                    "statements.")


def as_bool(value: Any, name: str) -> bool:
    text = str(value).strip().lower()
    if text in ("true", "false"):
        return text == "true"
    raise JdbcError(f"{name} must be true or false, not '{value}'")


def as_int(value: Any, name: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise JdbcError(f"{name} must be a whole number, not '{value}'") from None


class JdbcTask(RunnableTask):
    """What the JDBC tasks share: their dialect, the connection and its cancellation."""

    dialect: ClassVar[Dialect]
    # Properties of one database's connection (PostgreSQL's ssl...), passed to its dialect.
    connection_options: ClassVar[tuple[str, ...]] = ()

    def text(self, ctx: Any, name: str) -> str | None:
        value = ctx.render(self.get(name))
        return None if value is None else str(value)

    def connect(self, ctx: Any) -> Any:
        url = parse_jdbc_url(self.text(ctx, "url") or "", self.dialect.scheme)
        options = {name: ctx.render(self.spec[name]) for name in self.connection_options if name in self.spec}
        options.update(self.driver_options())
        return self.dialect.connect(url, self.text(ctx, "username"), self.text(ctx, "password"), options)

    def driver_options(self) -> dict[str, Any]:
        """Options a task adds to its connection (MySQL's local_infile for inputFile)."""
        return {}

    def sql_variables(self, ctx: Any) -> dict[str, Any] | None:
        """Variables `sql` is rendered with besides the execution's (MySQL's inputFile)."""
        return None

    def zone(self, ctx: Any) -> Any:
        name = self.text(ctx, "timeZoneId")
        if not name:
            return server_zone()
        try:
            return zone(name)
        except ExpressionError as exc:
            raise JdbcError(f"timeZoneId: {exc}") from None

    def parameters(self, ctx: Any) -> dict[str, Any] | None:
        """`parameters`, each value keeping its type when it is one expression."""
        raw = self.get("parameters")
        if raw is None:
            return None
        if isinstance(raw, str):
            rendered = render_typed(ctx, raw)
        else:
            rendered = {str(key): render_typed(ctx, value) for key, value in dict(raw).items()}
        if not isinstance(rendered, Mapping):
            raise JdbcError(f"parameters must be a map of names to values, not {type(rendered).__name__}")
        return dict(rendered)

    def open_store(self, ctx: Any, name: str = "result.ion") -> OpenStore:
        def open_result() -> Any:
            return ctx.new_file(name)
        return open_result

    @contextmanager
    def connected(self, ctx: Any) -> Iterator[Any]:
        """An open connection whose running statement a kill or a timeout cancels; driver
        errors become the task's failure, named, and the connection is always closed."""
        try:
            connection = self.connect(ctx)
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None
        unregister: Callable[[], None] = ctx.cancellation.on_cancel(lambda: self.dialect.cancel(connection))
        try:
            yield connection
        except self.dialect.driver_error() as exc:
            ctx.cancellation.check()  # a statement cancelled by a kill fails because of the kill
            raise TaskFailed(f"{self.id}: {type(exc).__name__}: {str(exc).strip()}") from None
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None
        finally:
            unregister()
            try:
                connection.close()
            except self.dialect.driver_error():
                pass  # already closed by a cancel

    def count(self, ctx: Any, fetch_type: str, size: int) -> None:
        """Kestra's `fetch.size` counter, tagged as AbstractJdbcBaseQuery#tags does."""
        ctx.metric("counter", "fetch.size", size, {
            "fetch": str(fetch_type in ("FETCH", "FETCH_ONE")).lower(), "store": str(fetch_type == "STORE").lower()})

    def settings(self, ctx: Any) -> tuple[str, str, int, Any, dict[str, Any] | None]:
        """The rendered SQL, fetch type, fetch size, zone and parameters, each error named."""
        try:
            rendered = ctx.render(self.get("sql"), self.sql_variables(ctx))
            sql = None if rendered is None else str(rendered)
            if sql is None or not sql.strip():
                raise JdbcError("sql is empty")
            fetch_type = fetch_type_of(self, ctx.render(self.get("fetchType")))
            fetch_size = as_int(ctx.render(self.get("fetchSize")), "fetchSize")
            return sql, fetch_type, fetch_size, self.zone(ctx), self.parameters(ctx)
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None


class JdbcQuery(JdbcTask):
    """One statement (AbstractJdbcQuery), then `afterSQL`, committed together."""

    title = "Run a SQL query."
    properties: ClassVar[tuple[Property, ...]] = QUERY_PROPERTIES
    outputs = QUERY_OUTPUTS

    def run(self, ctx: Any) -> dict[str, Any]:
        sql, fetch_type, fetch_size, zone_, parameters = self.settings(ctx)
        if len(split_statements(sql)) > 1:
            raise TaskFailed(f"{self.id}: {SINGLE_STATEMENT}")
        after_sql = self.text(ctx, "afterSQL")
        with self.connected(ctx) as connection:
            if not (after_sql and after_sql.strip()):
                # As Kestra's Query, which sets auto-commit; with afterSQL both share one transaction.
                self.dialect.autocommit(connection)
            cursor = connection.cursor()
            try:
                ctx.logger.debug(f"Starting query: {sql}")
                execute(self.dialect, connection, cursor, sql, parameters)
                ctx.cancellation.check()
                output = fetch(self.dialect, connection, cursor, fetch_type, zone_, self.open_store(ctx), fetch_size)
                if after_sql and after_sql.strip():
                    execute(self.dialect, connection, cursor, after_sql, parameters)
                self.dialect.commit(connection)
            except BaseException:
                self.dialect.rollback(connection)
                raise
            finally:
                cursor.close()
        output = output or QueryOutput()
        self.count(ctx, fetch_type, output.size or 0)
        return output.variables()


class JdbcQueries(JdbcTask):
    """Several statements (AbstractJdbcQueries): one output per statement that gives
    rows, all in one transaction unless `transaction` is false."""

    title = "Run several SQL statements."
    properties: ClassVar[tuple[Property, ...]] = QUERIES_PROPERTIES
    outputs = (Output("outputs", "array", "One output (row, rows, uri, size) per statement that returns rows."),)

    def run(self, ctx: Any) -> dict[str, Any]:
        sql, fetch_type, fetch_size, zone_, parameters = self.settings(ctx)
        try:
            transactional = as_bool(ctx.render(self.get("transaction")), "transaction")
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None
        outputs: list[dict[str, Any]] = []
        total = 0
        with self.connected(ctx) as connection:
            cursor = connection.cursor()
            try:
                for index, statement in enumerate(split_statements(sql)):
                    ctx.logger.debug(f"Starting query: {statement}")
                    execute(self.dialect, connection, cursor, statement, parameters)
                    if not transactional:
                        self.dialect.commit(connection)
                    ctx.cancellation.check()  # a killed task runs no further statement
                    output = fetch(self.dialect, connection, cursor, fetch_type, zone_,
                                   self.open_store(ctx, f"result-{index}.ion"), fetch_size)
                    if output is not None:
                        if fetch_type == "NONE":
                            ctx.logger.info("fetchType is set to NONE, no output will be returned")
                        outputs.append(output.variables())
                        total += output.size or 0
                self.dialect.commit(connection)
            except BaseException:
                if transactional:
                    self.dialect.rollback(connection)
                raise
            finally:
                cursor.close()
        self.count(ctx, fetch_type, total)
        return {"outputs": outputs}
