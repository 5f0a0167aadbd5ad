"""The Snowflake connection as Kestra's Snowflake JDBC driver reads it: the url's
account host or a host and port, its parameters, then the properties
(SnowflakeInterface#renderProperties), and the Trigger on the shared JDBC base."""
import subprocess
import sys

import pytest

from plugins.jdbc.errors import JdbcError
from plugins.jdbc.snowflake.connection import connect_arguments
from plugins.jdbc.snowflake.tasks import Trigger
from plugins.jdbc.url import parse_jdbc_url

from .fakesnow_server import fakesnow_url  # noqa: F401 - a fixture


def arguments(url: str, **options):
    return connect_arguments(parse_jdbc_url(url, "snowflake"), "kestra", "pw", options)


def test_an_account_url_connects_over_https_with_the_url_s_session():
    found = arguments("jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com/?warehouse=COMPUTE_WH&db=RAW"
                      "&role=LOADER")
    assert found == {
        "host": "xy12345.eu-west-1.snowflakecomputing.com", "protocol": "https", "port": 443, "account": "xy12345",
        "user": "kestra", "password": "pw", "warehouse": "COMPUTE_WH", "database": "RAW", "role": "LOADER",
        "autocommit": True, "session_parameters": {"CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED": False},
    }


def test_properties_win_over_the_url_and_a_host_and_port_may_be_plain_http():
    found = arguments("jdbc:snowflake://127.0.0.1:8123/?account=fakesnow&ssl=off&warehouse=A&networkTimeout=3000",
                      warehouse="B", database="KESTRA", schema="PUBLIC", queryTag="nightly", autoCommit="false")
    assert (found["host"], found["port"], found["protocol"], found["account"]) == ("127.0.0.1", 8123, "http",
                                                                                     "fakesnow")
    assert (found["warehouse"], found["database"], found["schema"]) == ("B", "KESTRA", "PUBLIC")
    assert found["session_parameters"]["QUERY_TAG"] == "nightly" and found["autocommit"] is False
    assert found["network_timeout"] == 3


def test_a_private_key_and_a_private_key_file_together_are_refused():
    with pytest.raises(JdbcError, match="'privateKeyFile' property cannot be used"):
        arguments("jdbc:snowflake://a.snowflakecomputing.com", privateKey="MIIB", privateKeyFile="/k.p8")


def test_a_private_key_file_goes_to_the_connector_with_its_password():
    found = arguments("jdbc:snowflake://a.snowflakecomputing.com", privateKeyFile="/keys/k.p8",
                      privateKeyFilePassword="x")
    assert found["private_key_file"] == "/keys/k.p8" and found["private_key_file_pwd"] == "x"
    assert "password" not in found


def test_loading_the_types_imports_no_snowflake_connector():
    code = ("import sys; from plugins.api import registry; "
            "assert registry.resolve('io.kestra.plugin.jdbc.snowflake.Upload') is not None; "
            "print([m for m in sys.modules if m.startswith('snowflake')])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_trigger_fires_on_rows_of_the_fake_server(fakesnow_url, trigger_ctx):  # noqa: F811
    """AbstractJdbcTrigger on Snowflake: rows found, one event with rows and size."""
    watch = Trigger({"id": "watch", "type": Trigger.type, "url": fakesnow_url, "username": "fake",
                     "password": "snow", "sql": "SELECT 1 AS one UNION ALL SELECT 2 ORDER BY one"})
    event = watch.poll(trigger_ctx())
    assert event.variables == {"rows": [{"ONE": 1}, {"ONE": 2}], "size": 2}
    empty = Trigger({**watch.spec, "sql": "SELECT 1 AS one WHERE 1 = 0"})
    assert empty.poll(trigger_ctx()) is None
