"""`io.kestra.plugin.jdbc.snowflake` Query, Queries and Trigger: the shared JDBC base
with the Snowflake dialect and its session properties."""
from __future__ import annotations

from plugins.api.registry import register

from .. import examples
from ..query import QUERIES_PROPERTIES, QUERY_PROPERTIES, JdbcQueries, JdbcQuery
from ..trigger import TRIGGER_PROPERTIES, JdbcTrigger
from .connection import AUTO_COMMIT, CONNECTION_OPTIONS, SNOWFLAKE_PROPERTIES
from .dialect import SnowflakeDialect

DIALECT = SnowflakeDialect()


@register
class Query(JdbcQuery):
    type = "io.kestra.plugin.jdbc.snowflake.Query"
    title = "Execute a single SQL query against Snowflake."
    examples = examples.SNOWFLAKE_QUERY
    dialect = DIALECT
    connection_options = CONNECTION_OPTIONS
    properties = (*QUERY_PROPERTIES, *SNOWFLAKE_PROPERTIES, AUTO_COMMIT)


@register
class Queries(JdbcQueries):
    type = "io.kestra.plugin.jdbc.snowflake.Queries"
    title = "Execute several SQL statements against Snowflake."
    dialect = DIALECT
    connection_options = CONNECTION_OPTIONS
    properties = (*QUERIES_PROPERTIES, *SNOWFLAKE_PROPERTIES, AUTO_COMMIT)


@register
class Trigger(JdbcTrigger):
    type = "io.kestra.plugin.jdbc.snowflake.Trigger"
    title = "Wait for query results on Snowflake and start an execution."
    examples = examples.SNOWFLAKE_TRIGGER
    dialect = DIALECT
    connection_options = CONNECTION_OPTIONS
    properties = (*TRIGGER_PROPERTIES, *SNOWFLAKE_PROPERTIES, AUTO_COMMIT)
