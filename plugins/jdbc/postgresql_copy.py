"""Kestra's io.kestra.plugin.jdbc.postgresql CopyIn and CopyOut (AbstractCopy): COPY
FROM STDIN fed from a file of internal storage, COPY TO STDOUT written into one, both
streamed through psycopg's copy protocol, never all in memory. The COPY command is
built from the properties as AbstractCopy#query builds it."""
from __future__ import annotations

from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.properties import Output, Property
from plugins.api.registry import register

from . import examples
from .errors import JdbcError
from .postgresql import SSL_PROPERTIES, PostgresDialect
from .query import JdbcTask, as_bool

FORMATS = ("TEXT", "CSV", "BINARY")
COPY_PROPERTIES = (
    Property("url", required=True, description="jdbc:postgresql://host:port/database"),
    Property("username", description="The database user."),
    Property("password", description="The database user's password."),
    *SSL_PROPERTIES,
    Property("table", description="The table (optionally schema-qualified)."),
    Property("columns", "array", description="The columns copied; all of the table's by default."),
    Property("format", "enum", values=FORMATS, default="TEXT", description="The data format read or written."),
    Property("oids", "boolean", description="Copy the OID of each row."),
    Property("freeze", "boolean", description="Copy the rows already frozen (COPY ... FREEZE)."),
    Property("delimiter", description="The one character between columns (a tab in TEXT, a comma in CSV)."),
    Property("nullString", description="The text of a null value."),
    Property("header", "boolean", description="The file has a header line (CSV only)."),
    Property("quote", description="The quoting character (CSV only)."),
    Property("escape", description="The character before a quote inside a quoted value (CSV only)."),
    Property("forceQuote", "array", description="Columns always quoted (COPY TO, CSV); [\"*\"] for all."),
    Property("forceNotNull", "array", description="Columns never matched against the null string (COPY FROM)."),
    Property("forceNull", "array", description="Columns whose quoted null string is a null (COPY FROM)."),
    Property("encoding", description="The file's encoding; the client's by default."),
    Property("socketTimeout", "integer", description="Accepted for Kestra's flows: the JDBC socket timeout."),
)
# A backslash escape as flows write it for a tab (`delimiter: "\\t"`).
ESCAPED_CHARACTERS = {"\\t": "\t", "\\n": "\n", "\\r": "\r"}


def literal(value: Any) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def one_character(value: Any, name: str) -> str:
    text = ESCAPED_CHARACTERS.get(str(value), str(value))
    if len(text) != 1:
        raise JdbcError(f"{name} must be one character, not '{value}'")
    return text


class PostgresCopy(JdbcTask):
    dialect = PostgresDialect()
    connection_options = tuple(prop.name for prop in SSL_PROPERTIES)

    def column_list(self, ctx: Any, name: str) -> list[str]:
        value = ctx.render(self.get(name))
        if value is None:
            return []
        if not isinstance(value, list):
            raise JdbcError(f"{name} must be a list of column names")
        return [str(item) for item in value]

    def command(self, ctx: Any, query: str | None, direction: str) -> str:
        """AbstractCopy#query: `COPY table (columns) | (query)`, the direction, then the
        options that were given, in Kestra's order."""
        parts = ["COPY"]
        if query is None:
            table = self.text(ctx, "table")
            if not table:
                raise JdbcError("table is required")
            parts.append(table)
            columns = self.column_list(ctx, "columns")
            if columns:
                parts.append("(" + ", ".join(columns) + ")")
        else:
            parts.append(f"({query})")
        parts.append(direction)
        options: list[str] = []
        fmt = str(ctx.render(self.get("format"))).upper()
        if fmt not in FORMATS:
            raise JdbcError(f"format must be one of {', '.join(FORMATS)}, not '{fmt}'")
        if fmt != "TEXT":
            options.append(f"FORMAT {fmt}")
        for flag, option in (("oids", "OIDS"), ("freeze", "FREEZE")):
            if self.get(flag) is not None and as_bool(ctx.render(self.get(flag)), flag):
                options.append(option)
        if self.get("delimiter") is not None:
            options.append("DELIMITER " + literal(one_character(ctx.render(self.get("delimiter")), "delimiter")))
        if self.get("nullString") is not None:
            options.append("NULL " + literal(ctx.render(self.get("nullString"))))
        if self.get("header") is not None:
            options.append("HEADER " + ("TRUE" if as_bool(ctx.render(self.get("header")), "header") else "FALSE"))
        for name, option in (("quote", "QUOTE"), ("escape", "ESCAPE")):
            if self.get(name) is not None:
                options.append(f"{option} " + literal(one_character(ctx.render(self.get(name)), name)))
        force_quote = self.column_list(ctx, "forceQuote")
        if force_quote:
            options.append("FORCE_QUOTE " + ("*" if force_quote == ["*"] else "(" + ", ".join(force_quote) + ")"))
        for name, option in (("forceNotNull", "FORCE_NOT_NULL"), ("forceNull", "FORCE_NULL")):
            columns = self.column_list(ctx, name)
            if columns:
                options.append(f"{option} (" + ", ".join(columns) + ")")
        if self.get("encoding") is not None:
            options.append("ENCODING " + literal(ctx.render(self.get("encoding"))))
        if options:
            parts.append("WITH (" + ", ".join(options) + ")")
        return " ".join(parts)

    def built(self, ctx: Any, query: str | None, direction: str) -> str:
        try:
            return self.command(ctx, query, direction)
        except JdbcError as exc:
            raise TaskFailed(f"{self.id}: {exc}") from None


@register
class CopyIn(PostgresCopy):
    type = "io.kestra.plugin.jdbc.postgresql.CopyIn"
    title = "Load a file into a PostgreSQL table."
    examples = examples.POSTGRES_COPY
    description = "Copies CSV, text or binary data from internal storage into a PostgreSQL table."
    properties = (*COPY_PROPERTIES, Property("from", required=True, description="The kestra:// URI of the file."))
    outputs = (Output("rowCount", "integer", "The rows count from this COPY."),)

    def run(self, ctx: Any) -> dict[str, Any]:
        sql = self.built(ctx, None, "FROM STDIN")
        source = str(ctx.render(self.get("from")))
        ctx.logger.debug(f"Starting query: {sql}")
        with ctx.open_file(source) as stream, self.connected(ctx) as connection:
            with connection.cursor() as cursor:
                with cursor.copy(sql) as copy:
                    for block in iter(lambda: stream.read(1 << 16), b""):
                        ctx.cancellation.check()
                        copy.write(block)
                rows = cursor.rowcount
            connection.commit()
        ctx.metric("counter", "rows", rows)
        return {"rowCount": rows}


@register
class CopyOut(PostgresCopy):
    type = "io.kestra.plugin.jdbc.postgresql.CopyOut"
    title = "Copy tabular data from a PostgreSQL table or query to a file."
    examples = examples.POSTGRES_COPY
    properties = (*COPY_PROPERTIES,
                  Property("sql", description="A SELECT, VALUES, or INSERT/UPDATE/DELETE ... RETURNING whose rows "
                                              "are copied; the `table` otherwise."))
    outputs = (Output("uri", "string", "The kestra:// URI of the file written."),
               Output("rowCount", "integer", "The rows count from this COPY."))

    def run(self, ctx: Any) -> dict[str, Any]:
        sql = self.built(ctx, self.text(ctx, "sql"), "TO STDOUT")
        ctx.logger.debug(f"Starting query: {sql}")
        with self.connected(ctx) as connection, ctx.new_file("copy-out") as target:
            with connection.cursor() as cursor:
                with cursor.copy(sql) as copy:
                    for block in copy:
                        target.write(bytes(block))
                rows = cursor.rowcount
            connection.commit()
        ctx.metric("counter", "rows", rows)
        return {"uri": target.uri, "rowCount": rows}
