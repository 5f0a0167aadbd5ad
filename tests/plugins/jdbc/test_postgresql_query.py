"""PostgreSQL Query, Queries, against this machine's server, run in flows as users run
them. They follow Kestra's AbstractJdbcQuery (one statement, fetchType, afterSQL),
AbstractJdbcQueries (several statements, `transaction`, `outputs`) and PgsqlTest."""
import uuid

import pytest

from executions.models import MetricEntry
from expressions.ion import read_all
from plugins.conftest import read_stored, require_server
from tests.flow_runs import run_flow

from .runs import kill_while_running, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

URL = "jdbc:postgresql://127.0.0.1:5432/test"
DEFAULTS = f"""
pluginDefaults:
  - type: io.kestra.plugin.jdbc.postgresql
    values:
      url: {URL}
      username: postgres
"""


def pg():
    import psycopg
    return psycopg.connect("host=127.0.0.1 dbname=test user=postgres", autocommit=True)


@pytest.fixture
def table():
    require_server("127.0.0.1", 5432, "PostgreSQL")
    name = f"kw_query_{uuid.uuid4().hex[:8]}"
    with pg() as conn:
        conn.execute(f"CREATE TABLE {name} (id int, name text, born date, amount numeric(10, 2))")
        conn.execute(f"INSERT INTO {name} VALUES (1, 'ann', '2020-01-02', 1.5), (2, 'bob', NULL, 2), "
                     f"(3, 'cy%', '2021-03-04', NULL)")
        yield name
        conn.execute(f"DROP TABLE IF EXISTS {name}")


def flow(tasks: str) -> str:
    return f"id: pgq\nnamespace: tests.jdbc\ntasks:\n{tasks}\n{DEFAULTS}"


def test_fetch_binds_parameters_and_gives_rows_and_size(table):
    run = run_flow(flow(f"""
  - id: select
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT id, name, born, amount FROM {table} WHERE id >= :low AND name LIKE '%' ORDER BY id
    parameters:
      low: "{{{{ 1 + 1 }}}}"
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    out = run.one("select").outputs
    assert out == {"size": 2, "rows": [{"id": 2, "name": "bob", "born": None, "amount": 2},
                                      {"id": 3, "name": "cy%", "born": "2021-03-04", "amount": None}]}
    metric = MetricEntry.objects.get(execution_id=run.execution.id, name="fetch.size")
    assert metric.value == 2 and metric.tags == {"fetch": "true", "store": "false"}


def test_fetch_one_and_the_older_fetch_one_flag_give_the_first_row(table):
    run = run_flow(flow(f"""
  - id: one
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT id, born FROM {table} ORDER BY id
    fetchType: FETCH_ONE
  - id: legacy
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT name FROM {table} WHERE id = 3
    fetchOne: true
  - id: nothing
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT name FROM {table} WHERE id = 99
    fetchType: FETCH_ONE
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("one").outputs == {"row": {"id": 1, "born": "2020-01-02"}, "size": 1}
    assert run.one("legacy").outputs == {"row": {"name": "cy%"}, "size": 1}
    assert run.one("nothing").outputs == {"size": 0}


def test_store_writes_every_row_to_an_ion_file_in_batches_of_fetch_size(table):
    run = run_flow(flow(f"""
  - id: store
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT id, name, born FROM {table} ORDER BY id
    fetchType: STORE
    fetchSize: 2
"""))
    assert run.state == "SUCCESS", run.logs()
    out = run.one("store").outputs
    assert out["size"] == 3 and out["uri"].startswith("kestra:///tests/jdbc/pgq/executions/")
    rows = read_all(read_stored(out["uri"]))
    assert [row["name"] for row in rows] == ["ann", "bob", "cy%"]
    assert str(rows[0]["born"]).startswith("2020-01-02") and rows[1]["born"] is None


def test_none_runs_the_statement_and_after_sql_in_one_transaction(table):
    run = run_flow(flow(f"""
  - id: update
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: UPDATE {table} SET name = :name WHERE id = 1
    afterSQL: DELETE FROM {table} WHERE id = 2
    parameters:
      name: renamed
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("update").outputs == {}
    with pg() as conn:
        assert conn.execute(f"SELECT id, name FROM {table} ORDER BY id").fetchall() == [(1, "renamed"), (3, "cy%")]


def test_a_query_with_several_statements_fails_as_kestra_says(table):
    run = run_flow(flow(f"""
  - id: two
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: "DELETE FROM {table}; SELECT 1"
"""))
    assert run.state == "FAILED"
    assert any("Use the Queries task to run multiple statements" in line for line in run.logs())
    with pg() as conn:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (3,)


def test_a_sql_error_fails_the_task_with_the_server_s_message(table):
    run = run_flow(flow("""
  - id: bad
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT * FROM kw_no_such_table
"""))
    assert run.state == "FAILED"
    assert any("bad: UndefinedTable" in line and "kw_no_such_table" in line for line in run.logs())


def test_queries_gives_one_output_per_statement_with_rows(table):
    run = run_flow(flow(f"""
  - id: many
    type: io.kestra.plugin.jdbc.postgresql.Queries
    sql: |
      INSERT INTO {table} (id, name) VALUES (:id, 'dee');
      SELECT count(*) AS n FROM {table};
      SELECT name FROM {table} WHERE id = :id;
    parameters:
      id: 4
    fetchType: FETCH_ONE
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("many").outputs == {"outputs": [{"row": {"n": 4}, "size": 1}, {"row": {"name": "dee"}, "size": 1}]}


def test_queries_in_a_transaction_roll_back_every_statement_when_one_fails(table):
    run = run_flow(flow(f"""
  - id: many
    type: io.kestra.plugin.jdbc.postgresql.Queries
    sql: |
      DELETE FROM {table} WHERE id = 1;
      INSERT INTO {table} (id) VALUES ('not a number');
"""))
    assert run.state == "FAILED"
    with pg() as conn:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (3,)


def test_queries_without_a_transaction_keep_what_ran_before_the_failure(table):
    run = run_flow(flow(f"""
  - id: many
    type: io.kestra.plugin.jdbc.postgresql.Queries
    transaction: false
    sql: |
      DELETE FROM {table} WHERE id = 1;
      INSERT INTO {table} (id) VALUES ('not a number');
"""))
    assert run.state == "FAILED"
    with pg() as conn:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (2,)


def running_sleeps(marker: str) -> int:
    with pg() as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE %s "
                            "AND pid <> pg_backend_pid()", (f"%{marker}%",)).fetchone()[0]


def test_a_kill_cancels_the_running_statement_on_the_server(table):
    """Kestra's AbstractJdbcQuery#kill: Statement#cancel, so the server stops too."""
    marker = f"kw_kill_{uuid.uuid4().hex[:6]}"
    execution = kill_while_running(flow(f"""
  - id: slow
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT pg_sleep(60), '{marker}'
"""), lambda: running_sleeps(marker) == 1)
    assert execution.state == "KILLED"
    assert running_sleeps(marker) == 0


def test_a_timeout_cancels_the_running_statement(table):
    marker = f"kw_timeout_{uuid.uuid4().hex[:6]}"
    run = run_flow(flow(f"""
  - id: slow
    type: io.kestra.plugin.jdbc.postgresql.Query
    timeout: PT1S
    sql: SELECT pg_sleep(60), '{marker}'
"""))
    assert run.state == "FAILED"
    assert wait_until(lambda: running_sleeps(marker) == 0)


def test_a_statement_that_refuses_a_transaction_block_runs_in_auto_commit(table):
    """Kestra's AbstractJdbcQuery sets auto-commit: VACUUM or CREATE DATABASE run."""
    run = run_flow(flow(f"""
  - id: vacuum
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: VACUUM {table}
"""))
    assert run.state == "SUCCESS", run.logs()
