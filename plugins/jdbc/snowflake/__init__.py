"""Kestra's plugin-jdbc-snowflake (`io.kestra.plugin.jdbc.snowflake`) on
snowflake-connector-python: the dialect (a JDBC url read into the connector's
arguments, password or key-pair auth), Query, Queries and Trigger on the shared JDBC
base, and Upload and Download of stage files."""
