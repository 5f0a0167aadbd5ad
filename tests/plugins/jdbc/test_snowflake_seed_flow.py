"""The seed's Snowflake flow (flows/examples/snowflake_load_csv.yaml), unchanged but for
the host its url names, run end to end against fakesnow's server mode: it creates the
database and table, downloads the CSV from a local HTTP server, uploads it to the
table stage, loads it with COPY INTO and counts the rows. The connection comes from
its pluginDefaults and its secrets, as in Kestra."""
import base64
import csv
import io
import re
from pathlib import Path

import pytest

from plugins.jdbc.tests.fakesnow_server import fakesnow_url, served_folder  # noqa: F401 - fixtures
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parents[3] / "flows" / "examples" / "snowflake_load_csv.yaml"
SEED_URL = re.compile(r'^(\s+url: )"jdbc:snowflake://\{\{ secret\(\'SNOWFLAKE_ACCOUNT\'\) \}\}'
                      r'\.snowflakecomputing\.com/\?warehouse=COMPUTE_WH"$', re.MULTILINE)


def employees_csv(count: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["first_name", "last_name", "email", "address", "city", "start_date"])
    for n in range(count):
        writer.writerow([f"First{n}", f"Last, {n}", f"p{n}@example.com", f'{n} "Main" Street', "Paris",
                         f"2020-01-{n % 28 + 1:02d}"])
    return out.getvalue()


def secret(monkeypatch, name: str, value: str) -> None:
    monkeypatch.setenv(f"SECRET_{name}", base64.b64encode(value.encode()).decode())


def test_the_seed_flow_loads_the_csv_and_counts_its_rows(fakesnow_url, served_folder, monkeypatch):  # noqa: F811
    base, folder = served_folder
    (folder / "employees00.csv").write_text(employees_csv(37))
    host = re.match(r"jdbc:snowflake://([^/]+)/\?account=fakesnow(.*)$", fakesnow_url)
    url = (f"jdbc:snowflake://{host.group(1)}/?account={{{{ secret('SNOWFLAKE_ACCOUNT') }}}}{host.group(2)}"
           "&warehouse=COMPUTE_WH")
    source, replaced = SEED_URL.subn(lambda found: f'{found.group(1)}"{url}"', SEED.read_text())
    assert replaced == 1, "the seed's url is not where this test expects it"
    secret(monkeypatch, "SNOWFLAKE_ACCOUNT", "fakesnow")
    secret(monkeypatch, "SNOWFLAKE_USERNAME", "kestra")
    secret(monkeypatch, "SNOWFLAKE_PASSWORD", "not-checked-by-fakesnow")

    run = run_flow(source, {"csv_url": f"{base}/employees00.csv"}, timeout=120)

    assert run.state == "SUCCESS", run.logs()
    assert run.one("load_to_internal_stage").outputs == {"uri": "raw/employees.csv.gz"}
    assert run.one("count_rows").outputs == {"row": {"ROWS_LOADED": 37}, "size": 1}
    assert "37 rows loaded into KESTRA.PUBLIC.EMPLOYEES" in run.logs()
