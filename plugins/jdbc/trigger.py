"""Kestra's AbstractJdbcTrigger: every `interval`, run `sql`; a result with at least one
row starts one execution whose `trigger` holds the query's output (`rows`, `row` or
`uri`, and `size`). Each database's Trigger adds its dialect and its own connection
properties."""
from __future__ import annotations

from typing import Any, ClassVar

from expressions import ExpressionError
from expressions.dates import server_zone, zone
from plugins.api.properties import Output, Property
from plugins.api.trigger import common_trigger_problems
from plugins.api.trigger_events import (
    PollingTriggerType,
    TriggerContext,
    TriggerEvent,
    TriggerFailed,
    interval_property,
)

from .dialect import Dialect
from .errors import JdbcError
from .fetch import FETCH_TYPES, QueryOutput, fetch_type_of, run_query, stored_locally
from .url import parse_jdbc_url

# The connection and query properties of every JDBC type (JdbcConnectionInterface,
# JdbcQueryInterface), for the Query tasks as well as the triggers.
CONNECTION_PROPERTIES = (
    Property("url", required=True, description="The JDBC url of the database (jdbc:<database>://host:port/db)."),
    Property("username", description="The database user."),
    Property("password", description="The database user's password."),
    Property("timeZoneId", description="The time zone id dates are read in; the server's by default."),
    Property("connectionPooling", "boolean", default=True,
             description="Reuse connections; accepted for Kestra's flows, each evaluation connects anew here."),
    Property("connectionPoolSize", "integer", default=10, minimum=1,
             description="Connections kept in the pool; accepted for Kestra's flows."),
)
QUERY_PROPERTIES = (
    Property("sql", required=True, description="The SQL query to run."),
    Property("afterSQL", description="SQL run after the query, in the same transaction (mark rows as processed)."),
    Property("parameters", "object", description="Values bound to `:name` placeholders of the SQL."),
    Property("fetchSize", "integer", default=10000, description="Rows fetched per round trip."),
    Property("fetch", "boolean", default=False, dynamic=False, description="Deprecated: fetchType FETCH."),
    Property("fetchOne", "boolean", default=False, dynamic=False, description="Deprecated: fetchType FETCH_ONE."),
    Property("store", "boolean", default=False, dynamic=False, description="Deprecated: fetchType STORE."),
)
NONE_FOR_TRIGGERS = ("fetchType NONE is not valid for triggers — the trigger would never fire. Use FETCH, FETCH_ONE, "
                     "or STORE.")

# Every JDBC trigger's properties; a database's Trigger adds its own connection ones.
TRIGGER_PROPERTIES = (
    *CONNECTION_PROPERTIES, *QUERY_PROPERTIES, interval_property("PT1M"),
    Property("fetchType", "enum", values=FETCH_TYPES, default="FETCH",
             description="How rows are fetched: FETCH (trigger.rows), FETCH_ONE (trigger.row) or STORE (trigger.uri)."),
)


class JdbcTrigger(PollingTriggerType):
    dialect: ClassVar[Dialect]
    # Properties of one database's connection (PostgreSQL's ssl...), passed to its dialect.
    connection_options: ClassVar[tuple[str, ...]] = ()
    title = "Wait for query results and start an execution."
    outputs = (
        Output("row", "object", "The first row (fetchType FETCH_ONE)."),
        Output("rows", "array", "All rows (fetchType FETCH)."),
        Output("uri", "string", "The Ion file of the rows in internal storage (fetchType STORE)."),
        Output("size", "integer", "The number of rows fetched."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        problems = common_trigger_problems(spec)
        if str(spec.get("fetchType", "")).strip().upper() == "NONE":
            problems.append(("fetchType", NONE_FOR_TRIGGERS))
        return problems

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        try:
            output = self.query(ctx)
        except (JdbcError, ExpressionError) as exc:
            raise TriggerFailed(str(exc), retryable=getattr(exc, "retryable", False)) from exc
        ctx.logger.debug(f"Found '{output.size}' rows")
        if not output.size:
            return None
        return TriggerEvent(output.variables())

    def query(self, ctx: Any) -> QueryOutput:
        """Connect, run the SQL, fetch and close (AbstractJdbcTrigger#runQuery)."""
        fetch_type = fetch_type_of(self, ctx.render(self.get("fetchType")))
        if fetch_type == "NONE":
            raise JdbcError(NONE_FOR_TRIGGERS)
        url = parse_jdbc_url(ctx.render(self.get("url")), self.dialect.scheme)
        options = {name: ctx.render(self.spec[name]) for name in self.connection_options if name in self.spec}
        connection = self.dialect.connect(url, ctx.render(self.get("username")), ctx.render(self.get("password")),
                                          options)
        try:
            return run_query(self.dialect, connection, ctx.render(self.get("sql")), fetch_type, self.zone(ctx),
                             parameters=ctx.render(self.get("parameters")), after_sql=ctx.render(self.get("afterSQL")),
                             open_store=stored_locally(ctx.working_dir(), ctx.put_file))
        except self.dialect.load_driver().Error as exc:  # DB-API: every driver error derives from Error
            raise JdbcError(f"{type(exc).__name__}: {exc}".strip()) from None
        finally:
            connection.close()

    def zone(self, ctx: Any) -> Any:
        name = ctx.render(self.get("timeZoneId"))
        if not name:
            return server_zone()
        try:
            return zone(str(name))
        except ExpressionError as exc:
            raise JdbcError(f"timeZoneId: {exc}") from None
