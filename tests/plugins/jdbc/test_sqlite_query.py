"""SQLite Query and Queries on a file of the test's own folder (Kestra's SqliteTest):
the standard library's sqlite3, `?` placeholders bound from `:name` parameters."""
import sqlite3

import pytest

from expressions.ion import read_all
from plugins.conftest import read_stored
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "test.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (id integer, name text, score real)")
        conn.executemany("INSERT INTO people VALUES (?, ?, ?)", [(1, "ann", 1.5), (2, "bob", None), (3, "cy", 3)])
    return path


def flow(database, tasks: str) -> str:
    return f"""id: liteq
namespace: tests.jdbc
tasks:
{tasks}
pluginDefaults:
  - type: io.kestra.plugin.jdbc.sqlite
    values:
      url: jdbc:sqlite:{database}
"""


def test_store_and_fetch(database):
    run = run_flow(flow(database, """
  - id: store
    type: io.kestra.plugin.jdbc.sqlite.Query
    sql: SELECT id, name, score FROM people WHERE id > :low ORDER BY id
    parameters:
      low: 1
    store: true
  - id: fetch
    type: io.kestra.plugin.jdbc.sqlite.Query
    sql: SELECT name FROM people WHERE name = ':low' OR id = 1
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    stored = run.one("store").outputs
    assert stored["size"] == 2
    assert read_all(read_stored(stored["uri"])) == [{"id": 2, "name": "bob", "score": None},
                                                    {"id": 3, "name": "cy", "score": 3.0}]
    assert run.one("fetch").outputs == {"size": 1, "rows": [{"name": "ann"}]}


def test_queries_store_one_file_per_statement_and_commit(database):
    run = run_flow(flow(database, """
  - id: many
    type: io.kestra.plugin.jdbc.sqlite.Queries
    fetchType: STORE
    sql: |
      UPDATE people SET score = 0 WHERE score IS NULL;
      SELECT id FROM people WHERE score = 0;
      SELECT name FROM people ORDER BY id DESC;
"""))
    assert run.state == "SUCCESS", run.logs()
    first, second = run.one("many").outputs["outputs"]
    assert first["size"] == 1 and read_all(read_stored(first["uri"])) == [{"id": 2}]
    assert second["size"] == 3 and [row["name"] for row in read_all(read_stored(second["uri"]))] == ["cy", "bob", "ann"]
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM people WHERE score = 0").fetchone() == (1,)


def test_a_missing_url_is_named_when_the_flow_is_saved():
    from flows.services import save_flow
    from flows.spec.errors import FlowInvalid
    with pytest.raises(FlowInvalid, match="url"):
        save_flow("id: liteq\nnamespace: tests.jdbc\ntasks:\n  - id: q\n    type: io.kestra.plugin.jdbc.sqlite.Query\n"
                  "    sql: SELECT 1\n")
