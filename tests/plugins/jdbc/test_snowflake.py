"""Snowflake Query, Queries, Upload and Download against fakesnow's server mode, in
flows, as Kestra's plugin-jdbc-snowflake tests run them against Snowflake itself.

What fakesnow does not do, so is not tested here: GET (Download fails with its parser
error, checked below), COPY INTO's PATTERN, its FILES on an internal stage and ON_ERROR
other than ABORT_STATEMENT (test_snowflake_stage_files),
a cancel (its abort request answers success and stops nothing: test_snowflake_kill
holds a statement itself to see the abort arrive), and authentication
(any user, password or key is let in: key-pair auth is checked up to the login the
connector sends)."""
import base64
import uuid

import pytest

from expressions.ion import read_all
from plugins.conftest import read_stored
from plugins.jdbc.tests.fakesnow_server import fakesnow_url, served_folder  # noqa: F401 - fixtures
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def flow(url: str, tasks: str, **values: str) -> str:
    extra = "".join(f"      {key}: {value}\n" for key, value in values.items())
    return f"""id: snow
namespace: tests.jdbc
tasks:
{tasks}
pluginDefaults:
  - type: io.kestra.plugin.jdbc.snowflake
    values:
      url: "{url}"
      username: fake
      password: snow
      database: KW
      schema: PUBLIC
{extra}"""


@pytest.fixture
def table(fakesnow_url):  # noqa: F811
    name = f"KW.PUBLIC.T_{uuid.uuid4().hex[:8].upper()}"
    run = run_flow(flow(fakesnow_url, f"""
  - id: create
    type: io.kestra.plugin.jdbc.snowflake.Queries
    sql: |
      CREATE OR REPLACE TABLE {name} (id INT, name STRING, born DATE);
      INSERT INTO {name} VALUES (1, 'ann', '2020-01-02'), (2, 'bo%b', NULL), (3, 'cy', '2021-03-04');
"""))
    assert run.state == "SUCCESS", run.logs()
    return name


def test_query_fetches_as_fetch_type_says_with_snowflake_s_column_names(fakesnow_url, table):  # noqa: F811
    run = run_flow(flow(fakesnow_url, f"""
  - id: one
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT COUNT(*) AS rows_loaded FROM {table}
    fetchType: FETCH_ONE
  - id: rows
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT id, name, born FROM {table} WHERE id >= :low ORDER BY id
    parameters:
      low: 2
    fetchType: FETCH
  - id: store
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT id, name FROM {table} ORDER BY id
    fetchType: STORE
    fetchSize: 2
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("one").outputs == {"row": {"ROWS_LOADED": 3}, "size": 1}
    assert run.one("rows").outputs == {"size": 2, "rows": [{"ID": 2, "NAME": "bo%b", "BORN": None},
                                                          {"ID": 3, "NAME": "cy", "BORN": "2021-03-04"}]}
    stored = run.one("store").outputs
    assert stored["size"] == 3
    assert read_all(read_stored(stored["uri"])) == [{"ID": 1, "NAME": "ann"}, {"ID": 2, "NAME": "bo%b"},
                                                    {"ID": 3, "NAME": "cy"}]


def test_queries_give_one_output_per_select(fakesnow_url, table):  # noqa: F811
    run = run_flow(flow(fakesnow_url, f"""
  - id: many
    type: io.kestra.plugin.jdbc.snowflake.Queries
    fetchType: FETCH_ONE
    sql: |
      DELETE FROM {table} WHERE id = 1;
      SELECT COUNT(*) AS n FROM {table};
      SELECT MIN(id) AS first FROM {table};
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("many").outputs == {"outputs": [{"row": {"N": 2}, "size": 1}, {"row": {"FIRST": 2}, "size": 1}]}


def test_key_pair_authentication_reads_kestra_s_private_key_text(fakesnow_url):  # noqa: F811
    """SnowflakeInterface#privateKey: the PEM body alone, here encrypted (privateKeyPassword)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(b"s3cret"))
    run = run_flow(f"""
id: snow-key
namespace: tests.jdbc
tasks:
  - id: who
    type: io.kestra.plugin.jdbc.snowflake.Query
    url: "{fakesnow_url}"
    username: fake
    privateKey: {base64.b64encode(der).decode()}
    privateKeyPassword: s3cret
    sql: SELECT 42 AS answer
    fetchType: FETCH_ONE
  - id: wrong
    type: io.kestra.plugin.jdbc.snowflake.Query
    url: "{fakesnow_url}"
    username: fake
    privateKey: {base64.b64encode(der).decode()}
    privateKeyPassword: not-it
    sql: SELECT 1
""")
    assert run.one("who").outputs == {"row": {"ANSWER": 42}, "size": 1}
    assert run.one("wrong").state == "FAILED"
    assert any("privateKey is not a readable RSA private key" in line for line in run.logs())


def test_upload_puts_a_stored_file_on_a_table_stage_that_copy_into_loads(fakesnow_url, table,  # noqa: F811
                                                                         served_folder):  # noqa: F811
    base, folder = served_folder
    (folder / "people.csv").write_text('id,name,born\n7,"di, the second",2022-05-06\n8,ed,\n')
    run = run_flow(flow(fakesnow_url, f"""
  - id: get
    type: io.kestra.plugin.core.http.Download
    uri: {base}/people.csv
  - id: upload
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: "{{{{ outputs.get.uri }}}}"
    stageName: "@{table.rsplit('.', 1)[0]}.%{table.rsplit('.', 1)[1]}"
    prefix: raw/
    fileName: people.csv
  - id: load
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: |
      COPY INTO {table} FROM @{table.rsplit('.', 1)[0]}.%{table.rsplit('.', 1)[1]}
      FILE_FORMAT = (TYPE = CSV FIELD_OPTIONALLY_ENCLOSED_BY = '"' SKIP_HEADER = 1)
    fetchType: FETCH
  - id: check
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT name, born FROM {table} WHERE id > 5 ORDER BY id
    fetchType: FETCH
"""))
    assert run.state == "SUCCESS", run.logs()
    assert run.one("upload").outputs == {"uri": "raw/people.csv.gz"}
    loaded = run.one("load").outputs["rows"][0]
    assert loaded["file"] == "raw/people.csv.gz" and loaded["status"] == "LOADED" and loaded["rows_loaded"] == 2
    assert run.one("check").outputs["rows"] == [{"NAME": "di, the second", "BORN": "2022-05-06"},
                                                {"NAME": "ed", "BORN": None}]


def test_a_bad_stage_name_is_named_before_connecting(fakesnow_url):  # noqa: F811
    run = run_flow(flow(fakesnow_url, """
  - id: upload
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: kestra:///nowhere/file.csv
    stageName: "@my stage'; DROP TABLE x"
    prefix: raw
    fileName: f.csv
"""))
    assert run.state == "FAILED"
    assert any("upload: stageName '@my stage'; DROP TABLE x'" in line for line in run.logs())


def test_download_runs_get_which_fakesnow_cannot_parse(fakesnow_url):  # noqa: F811
    """fakesnow has no GET: the task fails with the server's words, nothing stored."""
    run = run_flow(flow(fakesnow_url, """
  - id: download
    type: io.kestra.plugin.jdbc.snowflake.Download
    stageName: "@KW.PUBLIC.%SOMETHING"
    fileName: raw/people.csv.gz
"""))
    assert run.state == "FAILED"
    assert any("download: ProgrammingError" in line and "GET @KW.PUBLIC.%SOMETHING/raw/people.csv.gz" in line
               for line in run.logs())
