"""Delete and LocalFiles as Kestra's io.kestra.plugin.core.storage.Delete and LocalFiles:
a file deleted (errorOnMissing fails on a second delete), and LocalFiles' inputs (text,
or a kestra:// file copied) written where the next task of the WorkingDirectory reads."""
import pytest

from storage import internal_storage
from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_deletes_a_file_and_a_second_delete_fails_with_error_on_missing():
    run = run_flow(with_files("delete", {"a.txt": "x"}, """
        - id: delete
          type: io.kestra.plugin.core.storage.Delete
          uri: "{{ outputs.files.uris['a.txt'] }}"
        - id: again
          type: io.kestra.core.tasks.storages.Delete
          uri: "{{ outputs.files.uris['a.txt'] }}"
          errorOnMissing: true
    """))
    assert run.state == "FAILED"
    uri = run.one("files").outputs["uris"]["a.txt"]
    assert run.one("delete").outputs == {"uri": uri, "deleted": True}
    assert not internal_storage().exists(uri)
    assert f"Unable to find file '{uri}'" in run.logs()


def test_local_files_copies_a_stored_file_for_the_next_task():
    run = run_flow(with_files("local_copy", {"a.txt": "stored text"}, """
        - id: wdir2
          type: io.kestra.plugin.core.flow.WorkingDirectory
          tasks:
            - id: copy_in
              type: io.kestra.plugin.core.storage.LocalFiles
              inputs:
                copied/b.txt: "{{ outputs.files.uris['a.txt'] }}"
            - id: copy_out
              type: io.kestra.plugin.core.storage.LocalFiles
              outputs: ["copied/**"]
    """))
    assert run.state == "SUCCESS", run.logs()
    uris = run.one("copy_out").outputs["uris"]
    assert list(uris) == ["copied/b.txt"]
    assert read_stored(uris["copied/b.txt"]) == "stored text"


def test_an_input_outside_the_working_directory_is_refused():
    run = run_flow("""
        id: local_escape
        namespace: tests.storage
        tasks:
          - id: files
            type: io.kestra.plugin.core.storage.LocalFiles
            inputs:
              ../escape.txt: nope
    """)
    assert run.state == "FAILED"
    assert "inputs: '../escape.txt' is outside the working directory" in run.logs()
