"""Snowflake Upload without compression, LIST and COPY INTO from a table's stage, against
fakesnow's server mode: two files put on the stage as they are (no .gz), listed, and
each loaded. The clauses that choose files, PATTERN and FILES, fakesnow 0.12.1 refuses
on an internal stage (PATTERN is an "Unknown copy parameter" it answers with HTTP 500;
FILES only works on external stages): a COPY INTO with one of them fails the task with the server's words and loads
nothing, checked here so the day fakesnow accepts them the test says so."""
import uuid

import pytest

from plugins.jdbc.tests.fakesnow_server import fakesnow_url, served_folder  # noqa: F401 - fixtures
from tests.flow_runs import run_flow

from .test_snowflake import flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staged(fakesnow_url, served_folder):  # noqa: F811
    """A table, and its stage holding raw/a.csv and raw/b.csv, put uncompressed."""
    base, folder = served_folder
    (folder / "a.csv").write_text("1,ann\n2,bob\n")
    (folder / "b.csv").write_text("3,cy\n")
    table = f"T_{uuid.uuid4().hex[:8].upper()}"
    stage = f"@KW.PUBLIC.%{table}"
    run = run_flow(flow(fakesnow_url, f"""
  - id: create
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: CREATE OR REPLACE TABLE KW.PUBLIC.{table} (id INT, name STRING)
  - id: get_a
    type: io.kestra.plugin.core.http.Download
    uri: {base}/a.csv
  - id: get_b
    type: io.kestra.plugin.core.http.Download
    uri: {base}/b.csv
  - id: put_a
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: "{{{{ outputs.get_a.uri }}}}"
    stageName: "{stage}"
    prefix: raw
    fileName: a.csv
    compress: false
  - id: put_b
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: "{{{{ outputs.get_b.uri }}}}"
    stageName: "{stage}"
    prefix: raw
    fileName: b.csv
    compress: false
  - id: list
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: LIST {stage}
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("put_a").outputs == {"uri": "raw/a.csv"} and run.one("put_b").outputs == {"uri": "raw/b.csv"}
    return table, stage, run.one("list").outputs["rows"]


def test_uncompressed_files_are_listed_and_copy_into_loads_each(fakesnow_url, staged):  # noqa: F811
    table, stage, rows = staged
    assert sorted("/".join(row["name"].rsplit("/", 2)[-2:]) for row in rows) == ["raw/a.csv", "raw/b.csv"]
    run = run_flow(flow(fakesnow_url, f"""
  - id: load
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: COPY INTO KW.PUBLIC.{table} FROM {stage} FILE_FORMAT = (TYPE = CSV)
    fetchType: FETCH
  - id: check
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT id, name FROM KW.PUBLIC.{table} ORDER BY id
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    assert sorted((row["file"], row["status"], row["rows_loaded"]) for row in run.one("load").outputs["rows"]) == [
        ("raw/a.csv", "LOADED", 2), ("raw/b.csv", "LOADED", 1)]
    assert run.one("check").outputs["rows"] == [{"ID": 1, "NAME": "ann"}, {"ID": 2, "NAME": "bob"},
                                                {"ID": 3, "NAME": "cy"}]


@pytest.mark.parametrize(("clause", "refusal"), [
    ("PATTERN = '.*b[.]csv'", "HTTP 500: Internal Server Error"),  # its "Unknown copy parameter", unhandled
    ("FILES = ('raw/b.csv')", "invalid URL prefix found in"),  # FILES: only on external stages in fakesnow
])
def test_clauses_fakesnow_refuses_fail_the_task_and_load_nothing(fakesnow_url, staged, clause, refusal):  # noqa: F811
    table, stage, _ = staged
    run = run_flow(flow(fakesnow_url, f"""
  - id: load
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: COPY INTO KW.PUBLIC.{table} FROM {stage} {clause} FILE_FORMAT = (TYPE = CSV)
    allowFailure: true
  - id: check
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT COUNT(*) AS n FROM KW.PUBLIC.{table}
    fetchType: FETCH_ONE
"""))
    assert run.one("load").state == "WARNING"  # failed, allowed to (allowFailure) so the count runs
    assert any(line.startswith("load: ") and refusal in line for line in run.logs()), run.logs()
    assert run.one("check").outputs["row"] == {"N": 0}
