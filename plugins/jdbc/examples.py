"""The examples of the JDBC task types: whole flows, as Kestra's docs show them. Those
whose `services` are only postgres or mariadb run on a machine with the local PostgreSQL and MariaDB of the tests
(tests/plugins/jdbc/test_examples_run.py runs them)."""
from __future__ import annotations

from plugins.api.properties import Example

POSTGRES_DEFAULTS = """
pluginDefaults:
  - type: io.kestra.plugin.jdbc.postgresql
    values:
      url: jdbc:postgresql://127.0.0.1:5432/test
      username: postgres
"""

POSTGRES_QUERY = (
    Example("Fetch rows with bound parameters, then store a large result as an Ion file.", full=True, code="""\
id: postgres_query
namespace: company.team

tasks:
  - id: select
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT n, n * n AS square FROM generate_series(1, 10) AS n WHERE n > :low
    parameters:
      low: 7
    fetchType: FETCH

  - id: store
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: SELECT n FROM generate_series(1, 100000) AS n
    fetchType: STORE
""" + POSTGRES_DEFAULTS, services=("postgres",)),
)

POSTGRES_QUERIES = (
    Example("Several statements in one transaction; one output per SELECT.", full=True, code="""\
id: postgres_queries
namespace: company.team

tasks:
  - id: queries
    type: io.kestra.plugin.jdbc.postgresql.Queries
    sql: |
      CREATE TEMPORARY TABLE scores (name text, score int);
      INSERT INTO scores VALUES ('ann', 3), ('bob', 5);
      SELECT sum(score) AS total FROM scores;
    fetchType: FETCH_ONE
""" + POSTGRES_DEFAULTS, services=("postgres",)),
)

POSTGRES_COPY = (
    Example("Export a query to CSV, then load the file into a table.", full=True, code="""\
id: postgres_copy
namespace: company.team

tasks:
  - id: create
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: CREATE TABLE IF NOT EXISTS kestra_copy_example (n int, label text)

  - id: copy_out
    type: io.kestra.plugin.jdbc.postgresql.CopyOut
    sql: SELECT n, 'row ' || n FROM generate_series(1, 5) AS n
    format: CSV
    header: true

  - id: copy_in
    type: io.kestra.plugin.jdbc.postgresql.CopyIn
    from: "{{ outputs.copy_out.uri }}"
    table: kestra_copy_example
    format: CSV
    header: true

  - id: drop
    type: io.kestra.plugin.jdbc.postgresql.Query
    sql: DROP TABLE kestra_copy_example
""" + POSTGRES_DEFAULTS, services=("postgres",)),
)

MARIADB_QUERY = (
    Example("Query MariaDB and log the first row.", full=True, code="""\
id: mariadb_query
namespace: company.team

tasks:
  - id: now
    type: io.kestra.plugin.jdbc.mariadb.Query
    url: jdbc:mariadb://127.0.0.1:3306/test
    username: root
    sql: SELECT VERSION() AS version, :who AS who
    parameters:
      who: kestra
    fetchType: FETCH_ONE

  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.now.row.who }} runs on MariaDB {{ outputs.now.row.version }}"
""", services=("mariadb",)),
)

MYSQL_QUERY = (
    Example("Query MySQL (here the local MariaDB, which speaks the same protocol).", full=True, code="""\
id: mysql_query
namespace: company.team

tasks:
  - id: tables
    type: io.kestra.plugin.jdbc.mysql.Query
    url: jdbc:mysql://127.0.0.1:3306/test
    username: root
    sql: SELECT table_name FROM information_schema.tables WHERE table_schema = 'information_schema' LIMIT 3
    fetchType: FETCH
""", services=("mariadb",)),
)

SQLITE_QUERIES = (
    Example("An in-memory SQLite database: create, fill and read it in one task.", full=True, code="""\
id: sqlite_queries
namespace: company.team

tasks:
  - id: queries
    type: io.kestra.plugin.jdbc.sqlite.Queries
    url: "jdbc:sqlite::memory:"
    sql: |
      CREATE TABLE fruits (name TEXT);
      INSERT INTO fruits VALUES ('apple'), ('pear');
      SELECT name FROM fruits ORDER BY name;
    fetchType: FETCH
"""),
)

# A Snowflake account, reached with the secrets SNOWFLAKE_ACCOUNT, SNOWFLAKE_USERNAME, SNOWFLAKE_PASSWORD.
SNOWFLAKE_NEEDS = ("snowflake",)
SNOWFLAKE_DEFAULTS = """
pluginDefaults:
  - type: io.kestra.plugin.jdbc.snowflake
    values:
      url: "jdbc:snowflake://{{ secret('SNOWFLAKE_ACCOUNT') }}.snowflakecomputing.com/?warehouse=COMPUTE_WH"
      username: "{{ secret('SNOWFLAKE_USERNAME') }}"
      password: "{{ secret('SNOWFLAKE_PASSWORD') }}"
"""

SNOWFLAKE_QUERY = (
    Example("Fetch rows, then keep a large result in internal storage.", full=True, code="""\
id: snowflake_query
namespace: company.team

tasks:
  - id: select
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT * FROM demo_db.public.customers LIMIT 10
    fetchType: FETCH

  - id: store
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: SELECT * FROM demo_db.public.orders
    fetchType: STORE
""" + SNOWFLAKE_DEFAULTS, services=SNOWFLAKE_NEEDS),
)

SNOWFLAKE_UPLOAD = (
    Example("Upload a downloaded file to a table's stage.", full=True, code="""\
id: snowflake_upload
namespace: company.team

tasks:
  - id: extract
    type: io.kestra.plugin.core.http.Download
    uri: https://huggingface.co/datasets/kestra/datasets/raw/main/csv/orders.csv

  - id: upload
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: "{{ outputs.extract.uri }}"
    fileName: orders.csv
    prefix: raw
    stageName: "@demo_db.public.%orders"
""" + SNOWFLAKE_DEFAULTS, services=SNOWFLAKE_NEEDS),
)

SNOWFLAKE_DOWNLOAD = (
    Example("Download a staged file into internal storage.", full=True, code="""\
id: snowflake_download
namespace: company.team

tasks:
  - id: download
    type: io.kestra.plugin.jdbc.snowflake.Download
    stageName: "@demo_db.public.%orders"
    fileName: raw/orders.csv.gz
""" + SNOWFLAKE_DEFAULTS, services=SNOWFLAKE_NEEDS),
)

SNOWFLAKE_TRIGGER = (
    Example("Start an execution when new orders arrive.", full=True, code="""\
id: snowflake_trigger
namespace: company.team

tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: "{{ trigger.rows }}"
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ taskrun.value }}"

triggers:
  - id: watch
    type: io.kestra.plugin.jdbc.snowflake.Trigger
    interval: PT5M
    sql: SELECT * FROM demo_db.public.orders WHERE processed = FALSE
    fetchType: FETCH
""" + SNOWFLAKE_DEFAULTS, services=SNOWFLAKE_NEEDS),
)
