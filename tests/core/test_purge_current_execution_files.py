"""PurgeCurrentExecutionFiles as Kestra's io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles
(io.kestra.core.tasks.storages.PurgeExecution): every file of this execution is deleted
and listed; another execution's files stay; none to delete is no error."""
import pytest

from storage import internal_storage
from tests.core.storage_flows import with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_deletes_and_lists_the_execution_files_only():
    other = run_flow(with_files("keeps", {"k.txt": "kept"}, ""))
    run = run_flow(with_files("purges", {"a.txt": "x", "b.txt": "y"}, """
        - id: purge
          type: io.kestra.core.tasks.storages.PurgeExecution
        - id: again
          type: io.kestra.plugin.core.storage.PurgeCurrentExecutionFiles
    """))
    assert run.state == "SUCCESS", run.logs()
    stored = run.one("files").outputs["uris"]
    assert sorted(run.one("purge").outputs["uris"]) == sorted(stored.values())
    assert not any(internal_storage().exists(uri) for uri in stored.values())
    assert run.one("again").outputs == {"uris": []}
    assert internal_storage().exists(other.one("files").outputs["uris"]["k.txt"])
