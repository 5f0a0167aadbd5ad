"""PostgreSQL CopyOut then CopyIn through internal storage, as Kestra's PgsqlTest
copies a table out to CSV and back in (AbstractCopy's options)."""
import uuid

import pytest

from executions.models import MetricEntry
from plugins.conftest import read_stored, require_server
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def pg():
    import psycopg
    return psycopg.connect("host=127.0.0.1 dbname=test user=postgres", autocommit=True)


@pytest.fixture
def tables():
    require_server("127.0.0.1", 5432, "PostgreSQL")
    source, target = (f"kw_copy_{uuid.uuid4().hex[:8]}" for _ in range(2))
    with pg() as conn:
        conn.execute(f"CREATE TABLE {source} (id int, name text, note text)")
        conn.execute(f"""INSERT INTO {source} VALUES (1, 'ann', 'a, "quoted" note'), (2, 'bob', NULL)""")
        conn.execute(f"CREATE TABLE {target} (id int, name text, note text)")
        yield source, target
        conn.execute(f"DROP TABLE {source}, {target}")


def flow(tasks: str) -> str:
    return f"""id: pgcopy
namespace: tests.jdbc
tasks:
{tasks}
pluginDefaults:
  - type: io.kestra.plugin.jdbc.postgresql
    values:
      url: jdbc:postgresql://127.0.0.1:5432/test
      username: postgres
"""


def test_copy_out_to_csv_and_back_in(tables):
    source, target = tables
    run = run_flow(flow(f"""
  - id: out
    type: io.kestra.plugin.jdbc.postgresql.CopyOut
    sql: SELECT id, name, note FROM {source} ORDER BY id
    format: CSV
    header: true
    nullString: NIL
  - id: in
    type: io.kestra.plugin.jdbc.postgresql.CopyIn
    from: "{{{{ outputs.out.uri }}}}"
    table: {target}
    columns: [id, name, note]
    format: CSV
    header: true
    nullString: NIL
"""))
    assert run.state == "SUCCESS", run.logs()
    out = run.one("out").outputs
    assert out["rowCount"] == 2
    assert read_stored(out["uri"]) == 'id,name,note\n1,ann,"a, ""quoted"" note"\n2,bob,NIL\n'
    assert run.one("in").outputs == {"rowCount": 2}
    with pg() as conn:
        assert conn.execute(f"SELECT * FROM {target} ORDER BY id").fetchall() == [
            (1, "ann", 'a, "quoted" note'), (2, "bob", None)]
    rows = MetricEntry.objects.filter(execution_id=run.execution.id, name="rows").order_by("task_id")
    assert [(m.task_id, m.value) for m in rows] == [("in", 2), ("out", 2)]


def test_a_table_copied_out_as_text_with_a_tab_written_as_kestra_s_examples_do(tables):
    source, _ = tables
    run = run_flow(flow(f"""
  - id: out
    type: io.kestra.plugin.jdbc.postgresql.CopyOut
    table: {source}
    columns: [id, name]
    delimiter: "\\\\t"
"""))
    assert run.state == "SUCCESS", run.logs()
    assert sorted(read_stored(run.one("out").outputs["uri"]).splitlines()) == ["1\tann", "2\tbob"]


def test_a_delimiter_of_two_characters_is_named(tables):
    source, _ = tables
    run = run_flow(flow(f"""
  - id: out
    type: io.kestra.plugin.jdbc.postgresql.CopyOut
    table: {source}
    delimiter: ";;"
"""))
    assert run.state == "FAILED"
    assert any("out: delimiter must be one character, not ';;'" in line for line in run.logs())
