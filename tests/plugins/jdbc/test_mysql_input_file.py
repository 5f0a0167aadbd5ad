"""MySQL Query's `inputFile`, as Kestra's io.kestra.plugin.jdbc.mysql.Query (and its
"extract then LOAD DATA LOCAL INFILE" blueprint): the file from internal storage is
copied to a local file whose path `sql` reads as `{{ inputFile }}`, on a connection
that allows LOCAL INFILE, against this machine's MariaDB."""
import uuid

import pytest

from plugins.conftest import require_server
from tests.flow_runs import run_flow

from .test_mysql_query import flow, maria

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def empty_table():
    require_server("127.0.0.1", 3306, "MariaDB")
    conn = maria()
    with conn.cursor() as cursor:
        cursor.execute("SHOW VARIABLES LIKE 'local_infile'")
        row = cursor.fetchone()
        if not row or str(row[1]).upper() not in ("ON", "1"):
            conn.close()
            pytest.skip("MariaDB at 127.0.0.1:3306 refuses LOAD DATA LOCAL INFILE (local_infile is OFF)")
        name = f"kw_infile_{uuid.uuid4().hex[:8]}"
        cursor.execute(f"CREATE TABLE {name} (id int, name varchar(20))")
    yield name
    with conn.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
    conn.close()


def test_load_data_local_infile_from_a_file_input(empty_table, tmp_path):
    data = tmp_path / "people.csv"
    data.write_text("id,name\n1,ann\n2,bob\n3,cy\n")
    run = run_flow(flow("mysql", f"""
  - id: load_data
    type: io.kestra.plugin.jdbc.mysql.Query
    inputFile: "{{{{ inputs.csv }}}}"
    sql: |
      LOAD DATA LOCAL INFILE '{{{{ inputFile }}}}'
      INTO TABLE {empty_table}
      FIELDS TERMINATED BY ','
      LINES TERMINATED BY '\\n'
      IGNORE 1 ROWS;
  - id: count
    type: io.kestra.plugin.jdbc.mysql.Query
    sql: SELECT count(*) AS n, max(name) AS last FROM {empty_table}
    fetchType: FETCH_ONE
""").replace("tasks:\n", "inputs:\n  - id: csv\n    type: FILE\ntasks:\n", 1), {"csv": str(data)})
    assert run.state == "SUCCESS", run.logs()
    assert run.one("count").outputs["row"] == {"n": 3, "last": "cy"}


def test_without_input_file_the_connection_refuses_local_infile(empty_table, tmp_path):
    """Only a task with inputFile lets the server read a client file."""
    data = tmp_path / "x.csv"
    data.write_text("1,ann\n")
    run = run_flow(flow("mysql", f"""
  - id: load_data
    type: io.kestra.plugin.jdbc.mysql.Query
    sql: LOAD DATA LOCAL INFILE '{data}' INTO TABLE {empty_table} FIELDS TERMINATED BY ','
"""))
    assert run.state == "FAILED"
    logs = "\n".join(run.logs())
    assert "local infile" in logs, logs
    with maria().cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {empty_table}")
        assert cursor.fetchone()[0] == 0
