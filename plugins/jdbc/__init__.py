"""Kestra's JDBC plugins (plugin-jdbc): the shared base (a JDBC url and its driver,
fetching rows the way `fetchType` asks, converting cells as Kestra's cell converters
do) and each database's types under its own module, as `plugin.jdbc.postgresql`,
`plugin.jdbc.mysql`, `plugin.jdbc.mariadb` and `plugin.jdbc.sqlite` are in Kestra.

Drivers are imported when a query runs, never when a type is registered: a missing
driver fails that trigger or task only, and every flow still validates."""
