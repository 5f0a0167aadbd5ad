"""MySQL and MariaDB Query and Queries against this machine's MariaDB (PyMySQL), in
flows. They follow Kestra's MysqlTest/MariadbTest: cells as MysqlCellConverter gives
them, parameters bound by the driver, several statements in Queries."""
import uuid

import pytest

from plugins.conftest import require_server
from tests.flow_runs import run_flow

from .runs import kill_while_running, wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def maria():
    import pymysql
    return pymysql.connect(host="127.0.0.1", port=3306, user="root", password="", database="test", autocommit=True)


@pytest.fixture
def table():
    require_server("127.0.0.1", 3306, "MariaDB")
    name = f"kw_query_{uuid.uuid4().hex[:8]}"
    conn = maria()
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {name} (id int, name varchar(20), at_time time, stamp datetime)")
        cursor.execute(f"INSERT INTO {name} VALUES (1, 'ann', '04:05:06', '2020-01-02 03:04:05'), "
                       f"(2, 'bo''b', NULL, NULL)")
    yield name
    with conn.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
    conn.close()


def flow(kind: str, tasks: str) -> str:
    return f"""id: myq
namespace: tests.jdbc
tasks:
{tasks}
pluginDefaults:
  - type: io.kestra.plugin.jdbc.{kind}
    values:
      url: jdbc:{kind}://127.0.0.1:3306/test
      username: root
"""


@pytest.mark.parametrize("kind", ["mysql", "mariadb"])
def test_fetch_binds_parameters_and_converts_cells(table, kind):
    run = run_flow(flow(kind, f"""
  - id: select
    type: io.kestra.plugin.jdbc.{kind}.Query
    sql: SELECT id, name, at_time, stamp FROM {table} WHERE name = :name OR id = :id ORDER BY id
    parameters:
      name: "bo'b"
      id: 1
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("select").outputs == {"size": 2, "rows": [
        {"id": 1, "name": "ann", "at_time": "04:05:06", "stamp": "2020-01-02T03:04:05"},
        {"id": 2, "name": "bo'b", "at_time": None, "stamp": None}]}


def test_queries_run_every_statement_in_one_transaction(table):
    run = run_flow(flow("mariadb", f"""
  - id: many
    type: io.kestra.plugin.jdbc.mariadb.Queries
    sql: |
      INSERT INTO {table} (id, name) VALUES (3, 'a;b');
      SELECT count(*) AS n FROM {table};
      SELECT name FROM {table} WHERE id = 3;
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("many").outputs == {"outputs": [{"rows": [{"n": 3}], "size": 1},
                                                   {"rows": [{"name": "a;b"}], "size": 1}]}


def test_a_failed_statement_rolls_back_the_transaction(table):
    conn = maria()
    with conn.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} ENGINE=InnoDB")
    run = run_flow(flow("mysql", f"""
  - id: many
    type: io.kestra.plugin.jdbc.mysql.Queries
    sql: |
      DELETE FROM {table};
      SELECT * FROM kw_no_such_table;
"""))
    assert run.state == "FAILED"
    assert any("kw_no_such_table" in line for line in run.logs())
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        assert cursor.fetchone() == (2,)
    conn.close()


def running_sleeps(marker: str) -> int:
    conn = maria()
    with conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.processlist WHERE info LIKE %s AND id <> "
                       "connection_id()", (f"%SLEEP%{marker}%",))
        count = cursor.fetchone()[0]
    conn.close()
    return count


def test_a_kill_stops_the_query_on_the_server(table):
    """Connector/J's Statement#cancel is a KILL QUERY; MariaDB then ends SLEEP early."""
    marker = f"kw_kill_{uuid.uuid4().hex[:6]}"
    execution = kill_while_running(flow("mariadb", f"""
  - id: slow
    type: io.kestra.plugin.jdbc.mariadb.Query
    sql: SELECT SLEEP(60), '{marker}'
    fetchType: FETCH_ONE
"""), lambda: running_sleeps(marker) == 1)
    assert execution.state == "KILLED"
    assert wait_until(lambda: running_sleeps(marker) == 0)
