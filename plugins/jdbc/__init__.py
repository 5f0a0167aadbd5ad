"""Kestra's JDBC plugins (plugin-jdbc): the shared base (a JDBC url and its driver,
fetching rows the way `fetchType` asks, converting cells as Kestra's cell converters
do) and each database's types under its own module, as `plugin.jdbc.postgresql`,
`plugin.jdbc.mysql`, `plugin.jdbc.mariadb` and `plugin.jdbc.sqlite` are in Kestra.

Drivers are imported when a query runs, never when a type is registered: a missing
driver fails that trigger or task only, and every flow still validates."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.jdbc.",)
