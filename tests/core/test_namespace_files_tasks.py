"""UploadFiles and DownloadFiles as Kestra's io.kestra.plugin.core.namespace classes: a map
of path to URI, a list of URIs and working-directory globs under a destination, the
OVERWRITE/SKIP/ERROR conflicts, and globs over namespace file paths downloaded into the
execution's storage keyed by path, with the `downloaded` counter."""
import pytest

from executions.models import MetricEntry
from storage.namespace_files import NamespaceFiles
from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_uploads_a_map_of_paths_and_a_list_under_a_destination():
    run = run_flow(with_files("upload", {"a.txt": "alpha", "b.py": "print(1)"}, """
        - id: by_map
          type: io.kestra.plugin.core.namespace.UploadFiles
          namespace: tests.target
          files:
            /scripts/renamed.txt: "{{ outputs.files.uris['a.txt'] }}"
        - id: by_list
          type: io.kestra.plugin.core.namespace.UploadFiles
          namespace: tests.target
          destination: /lib
          files:
            - "{{ outputs.files.uris['a.txt'] }}"
            - "*.py"
    """, inside=True))
    assert run.state == "SUCCESS", run.logs()
    files = NamespaceFiles("tests.target")
    assert files.list() == ["lib/a.txt", "lib/b.py", "scripts/renamed.txt"]
    assert files.read("scripts/renamed.txt") == b"alpha"
    assert files.read("lib/b.py") == b"print(1)"


def test_conflicts_overwrite_skip_or_fail():
    NamespaceFiles("tests.target").write("x.txt", b"old")
    run = run_flow(with_files("conflicts", {"x.txt": "new"}, """
        - id: skip
          type: io.kestra.plugin.core.namespace.UploadFiles
          namespace: tests.target
          conflict: SKIP
          files: ["x.txt"]
        - id: error
          type: io.kestra.plugin.core.namespace.UploadFiles
          namespace: tests.target
          conflict: ERROR
          files: ["x.txt"]
    """, inside=True))
    assert NamespaceFiles("tests.target").read("x.txt") == b"old"
    assert run.state == "FAILED"
    assert "File '/x.txt' already exists in the namespace and conflict is set to ERROR" in run.logs()
    run = run_flow(with_files("overwrite", {"x.txt": "new"}, """
        - id: overwrite
          type: io.kestra.plugin.core.namespace.UploadFiles
          namespace: tests.target
          files: ["x.txt"]
    """, inside=True))
    assert run.state == "SUCCESS", run.logs()
    assert NamespaceFiles("tests.target").read("x.txt") == b"new"


def test_download_copies_the_matching_files_keyed_by_path():
    files = NamespaceFiles("tests.source")
    files.write("input.txt", b"top")
    files.write("data/input.txt", b"deep")
    files.write("data/other.csv", b"no")
    run = run_flow("""
        id: download
        namespace: tests.elsewhere
        tasks:
          - id: download
            type: io.kestra.plugin.core.namespace.DownloadFiles
            namespace: tests.source
            files:
              - "**input.txt"
    """)
    assert run.state == "SUCCESS", run.logs()
    downloaded = run.one("download").outputs["files"]
    assert sorted(downloaded) == ["/data/input.txt", "/input.txt"]
    assert read_stored(downloaded["/data/input.txt"]) == "deep"
    counter = MetricEntry.objects.get(execution_id=run.execution.id, name="downloaded")
    assert counter.value == 2
