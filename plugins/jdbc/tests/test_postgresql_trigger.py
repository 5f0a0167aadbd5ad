"""The PostgreSQL Trigger against this machine's server, as Kestra's PgsqlTriggerTest
and PgsqlTest#checkRow expect: one execution's worth of rows, cells converted as
PostgresCellConverter does."""
import uuid

import pytest

from plugins.conftest import read_stored, require_server
from plugins.jdbc.postgresql import Trigger

URL = "jdbc:postgresql://127.0.0.1:5432/test"


@pytest.fixture
def table():
    require_server("127.0.0.1", 5432, "PostgreSQL")
    import psycopg
    name = f"kw_trigger_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("host=127.0.0.1 dbname=test user=postgres", autocommit=True) as conn:
        conn.execute(f"""CREATE TABLE {name} (id int, status text, amount numeric(14, 4), born date,
                         at_time time, stamp timestamp, stamp_tz timestamptz, span interval, tags text[],
                         doc jsonb, blob bytea, uid uuid, flag boolean)""")
        conn.execute(f"""INSERT INTO {name} VALUES
            (1, 'NEW', 2147483645.1234, '2030-12-25', '04:05:30', '2004-10-19 10:23:54.999999',
             '2004-10-19 08:23:54.250+02', '10 years 4 months 5 days 10 seconds', '{{a,b}}',
             '{{"color": "red"}}', '\\xDEADBEEF', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true),
            (2, 'NEW', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)""")
        yield name
        conn.execute(f"DROP TABLE {name}")


def trigger(table, **props):
    return Trigger({"id": "watch", "type": Trigger.type, "url": URL, "username": "postgres",
                    "sql": f"SELECT * FROM {table} ORDER BY id", **props})


def test_a_non_empty_result_gives_rows_and_size(table, trigger_ctx):
    event = trigger(table, timeZoneId="Europe/Paris").poll(trigger_ctx())
    assert event.variables["size"] == 2
    first = event.variables["rows"][0]
    assert first == {
        "id": 1, "status": "NEW", "amount": 2147483645.1234, "born": "2030-12-25", "at_time": "04:05:30",
        "stamp": "2004-10-19T10:23:54.999999", "stamp_tz": "2004-10-19T08:23:54.25+02:00",
        "span": "P10Y4M5DT0H0M10S", "tags": ["a", "b"], "doc": {"color": "red"}, "blob": "3q2+7w==",
        "uid": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "flag": True,
    }
    assert event.variables["rows"][1]["born"] is None
    assert "row" not in event.variables and "uri" not in event.variables


def test_fetch_one_gives_the_first_row(table, trigger_ctx):
    event = trigger(table, fetchType="FETCH_ONE").poll(trigger_ctx())
    assert event.variables["row"]["id"] == 1
    assert event.variables["size"] == 1
    assert "rows" not in event.variables


def test_store_writes_the_rows_to_an_ion_file_of_the_execution(table, trigger_ctx):
    ctx = trigger_ctx()
    event = trigger(table, fetchType="STORE", sql=f"SELECT id, status, born FROM {table} ORDER BY id").poll(ctx)
    assert event.variables["size"] == 2
    assert event.variables["uri"].startswith(f"kestra:///company/team/flow/executions/{ctx.execution_id}/trigger/watch/")
    assert read_stored(event.variables["uri"]).splitlines() == [
        '{id:1,status:"NEW",born:2030-12-25}', '{id:2,status:"NEW",born:null}']


def test_an_empty_result_starts_nothing(table, trigger_ctx):
    assert trigger(table, sql=f"SELECT * FROM {table} WHERE status = 'DONE'").poll(trigger_ctx()) is None


def test_after_sql_marks_rows_so_the_next_poll_finds_none(table, trigger_ctx):
    """AbstractJdbcTrigger's afterSQL runs in the query's transaction."""
    watch = trigger(table, sql=f"SELECT id FROM {table} WHERE status = 'NEW'",
                    afterSQL=f"UPDATE {table} SET status = 'DONE' WHERE status = 'NEW'")
    assert watch.poll(trigger_ctx()).variables["size"] == 2
    assert watch.poll(trigger_ctx()) is None


def test_parameters_and_rendered_properties_reach_the_query(table, trigger_ctx):
    watch = trigger(table, sql=f"SELECT id FROM {table} WHERE id = :wanted AND status = :status",
                    parameters={"wanted": 2, "status": "{{ vars.status }}"}, password="{{ secret('PG') }}")
    event = watch.poll(trigger_ctx(variables={"vars": {"status": "NEW"}}, secrets={"PG": "unused"}))
    assert event.variables["rows"] == [{"id": 2}]
