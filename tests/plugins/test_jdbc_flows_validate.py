"""Flows with the JDBC Triggers validate as Kestra's would: pluginDefaults may bring
the url, fetchType NONE is refused (AbstractJdbcTrigger#isFetchTypeValid), and an
unknown property is named with its line."""
import pytest

from tests.spec.helpers import errors_of, parse

TYPES = ["io.kestra.plugin.jdbc.postgresql.Trigger", "io.kestra.plugin.jdbc.mysql.Trigger",
         "io.kestra.plugin.jdbc.mariadb.Trigger", "io.kestra.plugin.jdbc.sqlite.Trigger"]


@pytest.mark.parametrize("type_name", TYPES)
def test_a_trigger_whose_url_comes_from_plugin_defaults_validates(type_name):
    spec = parse(f"""
        id: watch_orders
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{{{ trigger.rows }}}}"
        triggers:
          - id: watch
            type: {type_name}
            sql: SELECT * FROM orders
            interval: PT30S
            fetchOne: true
        pluginDefaults:
          - type: io.kestra.plugin.jdbc
            values:
              url: jdbc:any://db/orders
              username: kestra
        """)
    assert spec.triggers[0]["url"] == "jdbc:any://db/orders"


def test_fetch_type_none_and_unknown_properties_are_refused():
    errors = errors_of("""
        id: watch_orders
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: watch
            type: io.kestra.plugin.jdbc.postgresql.Trigger
            url: jdbc:postgresql://db/orders
            sql: SELECT 1
            fetchType: NONE
            intervall: PT1M
        """)
    assert sorted((e.path, e.line) for e in errors) == [("triggers[0].fetchType", 12), ("triggers[0].intervall", 13)]


def test_the_sql_is_required():
    errors = errors_of("""
        id: watch_orders
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: watch
            type: io.kestra.plugin.jdbc.sqlite.Trigger
            url: jdbc:sqlite:orders.db
        """)
    assert [e.path for e in errors] == ["triggers[0].sql"]
