"""DeleteFiles as Kestra's io.kestra.plugin.core.namespace.DeleteFiles: the namespace
files matching globs (a name glob at any depth, `regex:` too) deleted with the `deleted`
counter, others kept, and with deleteParentFolder the folders left without a file; a
pattern that cannot be read fails the task before any file goes."""
import pytest

from executions.models import MetricEntry
from storage import internal_storage, layout
from storage.namespace_files import NamespaceFiles
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def files() -> NamespaceFiles:
    store = NamespaceFiles("tests.cleanup")
    for path in ("sql/daily/load.sql", "sql/daily/keep.txt", "sql/weekly/report.sql", "top.sql", "readme.md",
                 "logs/2024/a.log"):
        store.write(path, b"x")
    return store


def folder_exists(namespace: str, folder: str) -> bool:
    return internal_storage().local_path(layout.namespace_file(namespace, folder)).is_dir()


def test_it_deletes_the_matching_files_and_counts_them(files):
    run = run_flow("""
        id: delete
        namespace: tests.cleanup
        tasks:
          - id: delete
            type: io.kestra.plugin.core.namespace.DeleteFiles
            namespace: "{{ flow.namespace }}"
            files:
              - "**.sql"
              - "keep.txt"
              - "regex:/logs/.*[.]log"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert files.list() == ["readme.md"]  # keep.txt: a name matches at any depth
    assert [m.value for m in MetricEntry.objects.filter(execution_id=run.execution.id, name="deleted")] == [5]
    assert folder_exists("tests.cleanup", "sql/weekly")  # emptied, kept without deleteParentFolder


def test_delete_parent_folder_removes_the_folders_left_without_a_file(files):
    run = run_flow("""
        id: delete_folders
        namespace: tests.cleanup
        tasks:
          - id: delete
            type: io.kestra.plugin.core.namespace.DeleteFiles
            namespace: tests.cleanup
            files: "/sql/**.sql"
            deleteParentFolder: true
    """)
    assert run.state == "SUCCESS", run.logs()
    assert files.list() == ["logs/2024/a.log", "readme.md", "sql/daily/keep.txt", "top.sql"]
    assert not folder_exists("tests.cleanup", "sql/weekly")
    assert folder_exists("tests.cleanup", "sql/daily") and folder_exists("tests.cleanup", "sql")  # keep.txt is there


def test_a_bad_pattern_fails_naming_files(files):
    run = run_flow("""
        id: delete_bad
        namespace: tests.cleanup
        tasks:
          - id: delete
            type: io.kestra.plugin.core.namespace.DeleteFiles
            namespace: tests.cleanup
            files: ["regex:(unclosed"]
    """)
    assert run.state == "FAILED"
    assert any(line.startswith("files: ") for line in run.logs()), run.logs()
    assert len(files.list()) == 6  # nothing deleted
