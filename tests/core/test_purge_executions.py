"""PurgeExecutions as Kestra's io.kestra.plugin.core.execution.PurgeExecutions (and its
io.kestra.core.tasks.storages.Purge alias): ended executions of a namespace prefix,
their logs, metrics and files deleted with Kestra's counts; other namespaces, other
states and the purging execution itself are kept."""
import pytest

from executions.models import Execution, LogEntry
from storage import internal_storage
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

WITH_FILE = """
id: {flow}
namespace: {namespace}
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hello
  - id: file
    type: io.kestra.plugin.core.storage.LocalFiles
    inputs: {{a.txt: x}}
    outputs: [a.txt]
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{{{ {fail} }}}}"
"""


def _old(flow, namespace, fail="false"):
    return run_flow(WITH_FILE.format(flow=flow, namespace=namespace, fail=fail))


def test_it_purges_ended_executions_of_the_namespace_and_its_children_only():
    done = _old("a", "tests.purge")
    child = _old("b", "tests.purge.child")
    failed = _old("c", "tests.purge", fail="true")
    other = _old("d", "tests.purgeother")
    uri = done.one("file").outputs["uris"]["a.txt"]
    assert internal_storage().exists(uri)

    run = run_flow("""
        id: purge
        namespace: tests.purge
        tasks:
          - id: purge
            type: io.kestra.core.tasks.storages.Purge
            namespace: tests.purge
            endDate: "{{ now() }}"
            states: [SUCCESS]
            batchSize: 1
    """)
    assert run.state == "SUCCESS", run.logs()
    outputs = run.one("purge").outputs
    assert outputs["executionsCount"] == 2
    assert outputs["logsCount"] == 2  # one Log line each
    assert outputs["storagesCount"] == 2
    assert set(outputs) == {"executionsCount", "taskOutputsCount", "logsCount", "storagesCount", "metricsCount"}
    remaining = set(Execution.objects.values_list("id", flat=True))
    assert done.execution.id not in remaining and child.execution.id not in remaining
    assert {failed.execution.id, other.execution.id, run.execution.id} <= remaining
    assert not LogEntry.objects.filter(execution_id=done.execution.id).exists()
    assert not internal_storage().exists(uri)


def test_a_flow_id_narrows_to_that_flow_and_flags_keep_what_they_name():
    first, second = _old("a", "tests.purge"), _old("b", "tests.purge")
    run = run_flow("""
        id: purge_flow
        namespace: tests.purge
        tasks:
          - id: purge
            type: io.kestra.plugin.core.execution.PurgeExecutions
            namespace: tests.purge
            flowId: a
            endDate: "{{ now() }}"
            purgeLog: false
            purgeStorage: false
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("purge").outputs["executionsCount"] == 1
    assert not Execution.objects.filter(id=first.execution.id).exists()
    assert Execution.objects.filter(id=second.execution.id).exists()
    assert LogEntry.objects.filter(execution_id=first.execution.id).exists()
    assert internal_storage().exists(first.one("file").outputs["uris"]["a.txt"])


def test_a_start_date_after_the_executions_purges_nothing_and_a_bad_date_fails():
    _old("a", "tests.purge")
    run = run_flow("""
        id: purge_dates
        namespace: tests.purge
        tasks:
          - id: purge
            type: io.kestra.plugin.core.execution.PurgeExecutions
            startDate: "{{ now() | dateAdd(1, 'DAYS') }}"
            endDate: "{{ now() | dateAdd(2, 'DAYS') }}"
          - id: bad
            type: io.kestra.plugin.core.execution.PurgeExecutions
            endDate: yesterday
    """)
    assert run.one("purge").outputs["executionsCount"] == 0
    assert run.state == "FAILED"
    assert "endDate: 'yesterday' is not an ISO-8601 date and time" in run.logs()
