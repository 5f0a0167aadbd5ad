"""Kestra's JDBC plugins (plugin-jdbc): the shared base (a JDBC url and its driver,
statements and `:name` parameters read from the SQL text, fetching rows the way
`fetchType` asks, converting cells as Kestra's cell converters do, cancelling a
running statement through the driver) and each database's types under its own
module: Query, Queries and Trigger of `plugin.jdbc.postgresql` (with CopyIn and
CopyOut), `plugin.jdbc.mysql`, `plugin.jdbc.mariadb`, `plugin.jdbc.sqlite` and
`plugin.jdbc.snowflake` (with Upload and Download).

Drivers are imported when a query runs, never when a type is registered: a missing
driver fails that trigger or task only, and every flow still validates."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.jdbc.",)
