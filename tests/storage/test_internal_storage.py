"""Internal storage end to end: a FILE input is stored under the execution's folder in
KESTRAWEB_DATA_DIR and addressed by a kestra:/// URI, which read(), fileSize(),
fileExists() and fileURI() take (Kestra's ReadFileFunction, FileSizeFunction,
FileExistsFunction, FileURIFunction); deleting the execution deletes its files
(Kestra's ExecutionService.delete with deleteStorage); the backend is the one
settings.STORAGE_BACKEND names (Kestra's StorageInterface, picked by kestra.storage.type)."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import Execution, TaskRun
from executions.operations.housekeeping import delete
from storage import LocalStorage, StorageBackend, internal_storage, layout
from storage.backends import BACKENDS, UnknownStorageBackend
from tests.flow_runs import save

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: file-input
    namespace: tests.storage
    inputs:
      - id: data
        type: FILE
    tasks:
      - id: use
        type: io.kestra.plugin.core.debug.Return
        format: >-
          {{ read(inputs.data) }}|{{ fileSize(inputs.data) }}|{{ fileExists(inputs.data) }}|{{ fileURI(inputs.data) }}
"""


def run_with_file(tmp_path, content: bytes = b"a,b\n1,2\n") -> Execution:
    local = tmp_path / "data.csv"
    local.write_bytes(content)
    execution = create_execution(save(FLOW), {"data": str(local)})
    return run_to_end(execution.id, timeout=60)


def test_a_file_input_is_stored_under_the_data_dir_and_the_file_functions_read_it(tmp_path):
    execution = run_with_file(tmp_path)
    uri = execution.inputs["data"]
    assert uri == layout.input_file("tests.storage", "file-input", execution.id, "data", "data.csv")
    assert uri.startswith("kestra:///tests/storage/file-input/executions/")
    on_disk = settings.STORAGE_DIR / layout.path_of(uri).lstrip("/")  # DATA_DIR/storage, per test here
    assert on_disk.read_bytes() == b"a,b\n1,2\n"
    assert execution.state == "SUCCESS"
    used = TaskRun.objects.get(execution=execution, task_id="use")
    assert used.outputs["value"] == f"a,b\n1,2\n|8|true|{uri}"


def test_deleting_an_execution_deletes_its_files_unless_asked_to_keep_them(tmp_path):
    gone = run_with_file(tmp_path)
    kept = run_with_file(tmp_path)
    storage = internal_storage()
    assert storage.exists(gone.inputs["data"]) and storage.exists(kept.inputs["data"])

    delete(gone.id)
    delete(kept.id, delete_storage=False)

    folder = layout.uri(layout.execution_folder("tests.storage", "file-input", gone.id))
    assert storage.list_files(folder) == [] and not storage.exists(gone.inputs["data"])
    assert storage.exists(kept.inputs["data"])  # Kestra's deleteStorage=false keeps them
    assert not Execution.objects.filter(pk__in=[gone.id, kept.id]).exists()


def test_the_backend_is_the_one_the_settings_name(tmp_path):
    assert isinstance(internal_storage(), LocalStorage)
    assert isinstance(internal_storage(), StorageBackend)
    BACKENDS["other-root"] = lambda: LocalStorage(tmp_path / "elsewhere")
    try:
        with override_settings(STORAGE_BACKEND="other-root"):
            uri = internal_storage().put_bytes(layout.uri("/tests/x.txt"), b"there")
            assert (tmp_path / "elsewhere" / "tests" / "x.txt").read_bytes() == b"there"
        assert not internal_storage().exists(uri)  # the default backend never saw it
    finally:
        del BACKENDS["other-root"]


def test_an_unknown_backend_is_named_in_the_error():
    with override_settings(STORAGE_BACKEND="s3"), pytest.raises(UnknownStorageBackend, match="'s3'.*local"):
        internal_storage()


def test_the_local_backend_refuses_uris_that_leave_it(tmp_path):
    from storage import StorageError

    local = LocalStorage(tmp_path)
    with pytest.raises(StorageError, match="escapes"):
        local.put_bytes("kestra:///../outside.txt", b"x")
    with pytest.raises(StorageError, match="not an internal storage URI"):
        local.exists("/etc/passwd")
    assert list(local.walk(layout.uri("/nothing"))) == []
