"""Download streams the body into internal storage, as Kestra's
io.kestra.plugin.core.http.Download: outputs uri, code, length and headers, the
Content-Disposition name, failOnEmptyResponse."""
import hashlib
import tracemalloc

import pytest

from storage.local import internal_storage
from tests.flow_runs import run_flow

from .server import large_body_digest

pytestmark = pytest.mark.django_db(transaction=True)

LARGE = 50 * 1024 * 1024
# The whole process may allocate this much more than before while 50 MB go through:
# well under the file's size, so the body was never held whole.
MEMORY_BOUND = 16 * 1024 * 1024


def stored_digest(uri: str) -> str:
    digest = hashlib.sha256()
    with internal_storage().open(uri, "rb") as file:
        for block in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def test_a_download_is_stored_with_its_outputs_and_metric(http_server):
    run = run_flow(f"""
id: dl
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.fs.http.Download
    uri: {http_server.url('/attachment')}
""")
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("fetch").outputs
    assert outputs["code"] == 200 and outputs["length"] == 8
    assert outputs["uri"].startswith("kestra:///tests/http/dl/executions/") and outputs["uri"].endswith("/report.csv")
    assert outputs["headers"]["Content-Type"] == ["text/csv"]
    with internal_storage().open(outputs["uri"], "rb") as file:
        assert file.read() == b"a,b\n1,2\n"


def test_a_large_download_streams_in_bounded_memory(http_server):
    tracemalloc.start()
    try:
        run = run_flow(f"""
id: big
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url(f'/large?size={LARGE}')}
""", timeout=300)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("fetch").outputs
    assert outputs["length"] == LARGE
    assert stored_digest(outputs["uri"]) == large_body_digest(LARGE)
    assert peak < MEMORY_BOUND, f"peak {peak} bytes traced while downloading {LARGE}"


def test_an_empty_body_fails_unless_allowed(http_server):
    run = run_flow(f"""
id: empty
namespace: tests.http
tasks:
  - id: strict
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/empty')}
    allowFailure: true
  - id: lenient
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/empty')}
    failOnEmptyResponse: false
""")
    assert run.one("strict").state == "WARNING"
    assert any("No response from server" in line for line in run.logs())
    lenient = run.one("lenient")
    assert lenient.state == "SUCCESS" and lenient.outputs["length"] == 0
    assert any(line.endswith("/empty' is empty") for line in run.logs())


def test_a_404_fails_and_stores_nothing(http_server, settings):
    run = run_flow(f"""
id: missing
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/status/404')}
""")
    assert run.state == "FAILED"
    assert any("response code '404'" in line for line in run.logs())
    assert not [path for path in settings.STORAGE_DIR.rglob("*") if path.is_file()]


def test_a_name_from_the_uri_when_the_server_gives_none(http_server):
    run = run_flow(f"""
id: named
namespace: tests.http
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: {http_server.url('/json')}
""")
    assert run.one("fetch").outputs["uri"].endswith("/json")


def test_two_downloads_at_once_do_not_mix(http_server):
    """Each task has its own client and file, even run side by side."""
    run = run_flow(f"""
id: parallel
namespace: tests.http
tasks:
  - id: both
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: one
        type: io.kestra.plugin.core.http.Download
        uri: {http_server.url('/large?size=300000')}
      - id: two
        type: io.kestra.plugin.core.http.Download
        uri: {http_server.url('/large?size=200000')}
""")
    assert run.state == "SUCCESS", run.logs()
    assert stored_digest(run.one("one").outputs["uri"]) == large_body_digest(300000)
    assert stored_digest(run.one("two").outputs["uri"]) == large_body_digest(200000)
